-- One version of an API token row (dashboard/auth/token_store.go), sent as a batch.
INSERT INTO api_tokens (id, username, name, token_hash, created_at, expires_at, revoked, version)
