-- The session's readonly setting (0: may write, 1 or 2: may not).
SELECT toString(getSetting('readonly'))
