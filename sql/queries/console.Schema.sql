-- The tables and columns the console's account can read in its database,
-- for the schema browser and completion. system.columns shows only what the
-- account is granted, so the private tables never appear.
SELECT table, name, type, comment
FROM system.columns
WHERE database = currentDatabase()
ORDER BY table, position
