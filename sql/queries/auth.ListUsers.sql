-- Every user, deleted ones included, newest version of each, by name (admin page, corridor user list).
SELECT username, role, password_hash, lang, disabled, created_at, version
FROM users FINAL
ORDER BY username
