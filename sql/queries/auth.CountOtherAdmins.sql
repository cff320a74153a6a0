-- Active admins other than one user: demoting or deleting that user must leave one.
SELECT count()
FROM users FINAL
WHERE disabled = 0 AND role = 'admin' AND username != {username:String}
