-- Sessions ended on the server side (package dashboard/auth). Session cookies
-- are signed, not stored, so logging out alone cannot stop a copied cookie:
-- logout writes the session id here, and every server sharing this database
-- refuses that session from then on (at once on the server that logged out,
-- within its 30 s user cache on the others). Placeholders as in 0001_init.sql.
--
-- A row matters only until the last cookie of its session has expired
-- (expires_at); the TTL drops it after that, so the table stays as small as
-- a day's logouts. Who logged out when is nobody else's business: the
-- engine's read-only accounts must not be granted this table.
CREATE TABLE IF NOT EXISTS {db}.session_revocations{on_cluster}
(
    username    String,
    sid         String,
    revoked_at  DateTime64(3, 'Asia/Shanghai'),
    expires_at  DateTime('Asia/Shanghai')
)
ENGINE = {replicated}ReplacingMergeTree(revoked_at)
ORDER BY (username, sid)
TTL expires_at + INTERVAL 1 DAY
