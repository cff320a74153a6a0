-- Every load, newest first (corridor ingest --list, the data page).
SELECT *
FROM sources FINAL
ORDER BY loaded_at DESC, source_id
