-- One load by its id.
SELECT *
FROM sources FINAL
WHERE source_id = {source_id:String}
