-- The SQL console (dashboard/console*.go) and API tokens (dashboard/auth/
-- token*.go). Placeholders as in 0001_init.sql. Both tables are private: the
-- engine's read-only accounts are not granted them (sql/engine/users.go), so
-- an analyst reads other people's SQL only through the admin page, and a
-- token hash never reaches an ad hoc query.
--
-- console_audit: one row per statement run through POST /api/v1/query (or
-- its downloads): who, when, the SQL and its parameters, what it read and
-- returned, how long it took, and the error if it failed. Written by the
-- server's writer pool after the statement ends, success or not.
CREATE TABLE IF NOT EXISTS {db}.console_audit{on_cluster}
(
    query_id     String,
    username     String,
    via          LowCardinality(String),
    started_at   DateTime64(3, 'Asia/Shanghai'),
    sql          String CODEC(ZSTD(3)),
    params       String,
    result_rows  UInt64,
    read_rows    UInt64,
    read_bytes   UInt64,
    elapsed_ms   UInt64,
    truncated    UInt8,
    error_code   Int32,
    error        String
)
ENGINE = {replicated}MergeTree
ORDER BY (username, started_at)
-- split
-- api_tokens: tokens for scripts (Authorization: Bearer). Only the sha256 of
-- a token is stored; the token itself is shown once, when it is made. One row
-- per change (creation, revocation); readers use FINAL, the newest version wins.
CREATE TABLE IF NOT EXISTS {db}.api_tokens{on_cluster}
(
    id          String,
    username    String,
    name        String,
    token_hash  String,
    created_at  DateTime64(3, 'Asia/Shanghai'),
    expires_at  DateTime64(3, 'Asia/Shanghai'),
    revoked     UInt8,
    version     UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY id
-- split
-- saved_queries: the console's named queries, private to their owner or
-- shared with the other analysts. One row per change; readers use FINAL.
CREATE TABLE IF NOT EXISTS {db}.saved_queries{on_cluster}
(
    id          String,
    owner       String,
    name        String,
    sql         String,
    params      String,
    shared      UInt8,
    deleted     UInt8,
    updated_at  DateTime64(3, 'Asia/Shanghai'),
    version     UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY id
