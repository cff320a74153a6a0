-- The saved queries a user may open: their own and the shared ones.
SELECT id, owner, name, sql, params, shared, deleted, updated_at, version
FROM saved_queries FINAL
WHERE deleted = 0 AND (owner = {user:String} OR shared = 1)
ORDER BY name, id
