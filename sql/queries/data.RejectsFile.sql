-- The stored rejects file of one load, for the data page's download link.
SELECT file_name, content
FROM load_rejects FINAL
WHERE source_id = {source_id:String}
