-- Tokens, newest first; an empty user lists everyone's (corridor token list).
SELECT id, username, name, token_hash, created_at, expires_at, revoked, version
FROM api_tokens FINAL
WHERE {user:String} = '' OR username = {user:String}
ORDER BY created_at DESC
