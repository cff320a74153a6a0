-- One token by id, current version (revocation).
SELECT id, username, name, token_hash, created_at, expires_at, revoked, version
FROM api_tokens FINAL
WHERE id = {id:String}
