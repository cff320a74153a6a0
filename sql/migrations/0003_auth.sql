-- Dashboard users and the shared session-signing key (package dashboard/auth).
-- Placeholders as in 0001_init.sql.
--
-- users: one row per change; readers use FINAL, so the newest version per
-- username wins. Deleting a user writes a new version with disabled = 1, so
-- the history stays and the name can be re-added later.
CREATE TABLE IF NOT EXISTS {db}.users{on_cluster}
(
    username       String,
    role           LowCardinality(String),
    password_hash  String,
    lang           LowCardinality(String) DEFAULT 'zh-CN',
    disabled       UInt8,
    created_at     DateTime64(3, 'Asia/Shanghai'),
    version        UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY username
-- split
-- app_secrets: secrets every Corridor server behind a load balancer must share
-- (the session-signing key). version is part of the sort key on purpose: when
-- two servers start at once and both insert a key, both rows survive merges
-- and every reader takes the one with the smallest version, so the servers
-- converge on one key instead of a merge silently swapping it for another.
CREATE TABLE IF NOT EXISTS {db}.app_secrets{on_cluster}
(
    name     String,
    value    String,
    version  UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY (name, version)
