-- One version of a saved console query (dashboard/console_saved.go), sent as a batch.
INSERT INTO saved_queries (id, owner, name, sql, params, shared, deleted, updated_at, version)
