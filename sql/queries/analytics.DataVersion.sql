-- Changes whenever a load commits or is withdrawn (each writes a new sources row version).
SELECT max(version), count() FROM sources
