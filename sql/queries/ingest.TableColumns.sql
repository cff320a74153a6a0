-- A record table's columns in order, so a load's inserts follow the schema
-- without a hand-kept list per kind.
SELECT name, type
FROM system.columns
WHERE database = currentDatabase() AND table = {table:String}
ORDER BY position
