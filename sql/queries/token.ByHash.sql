-- The token with this sha256, current version (Bearer authentication).
SELECT id, username, name, token_hash, created_at, expires_at, revoked, version
FROM api_tokens FINAL
WHERE token_hash = {hash:String}
