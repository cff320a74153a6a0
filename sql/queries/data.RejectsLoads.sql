-- The loads whose rejects file is stored, for the data page's links.
SELECT DISTINCT source_id
FROM load_rejects
