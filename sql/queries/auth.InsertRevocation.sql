-- Records that a session ends now on every server; the row is kept (TTL)
-- until the session's last cookie expires. Values travel as a data block.
INSERT INTO session_revocations (username, sid, revoked_at, expires_at)
