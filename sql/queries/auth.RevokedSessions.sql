-- The ids of a user's revoked sessions whose cookies may still be presented.
SELECT DISTINCT sid
FROM session_revocations
WHERE username = {username:String} AND expires_at > now()
