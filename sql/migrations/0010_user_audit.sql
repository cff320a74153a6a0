-- Who did what to which account, from the users page (dashboard/users.go):
-- added, role changed, disabled, enabled, password reset. Never a password.
-- Placeholders as in 0001_init.sql.
CREATE TABLE IF NOT EXISTS {db}.user_audit{on_cluster}
(
    at      DateTime64(3, 'Asia/Shanghai'),
    actor   String,
    action  LowCardinality(String),
    target  String,
    detail  String
)
ENGINE = {replicated}MergeTree
ORDER BY at
