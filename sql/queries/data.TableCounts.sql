-- Tables of the application database with their row counts, for the data page.
SELECT name, total_rows, engine
FROM system.tables
WHERE database = currentDatabase() AND NOT is_temporary
ORDER BY name
