-- One saved query by id, current version (deletion).
SELECT id, owner, name, sql, params, shared, deleted, updated_at, version
FROM saved_queries FINAL
WHERE id = {id:String}
