-- One user's newest version, also a deleted one; no row when the name was never added.
SELECT username, role, password_hash, lang, disabled, created_at, version
FROM users FINAL
WHERE username = {username:String}
