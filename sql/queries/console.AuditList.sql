-- Everyone's last console statements, newest first (the admins' audit list).
SELECT query_id, username, via, started_at, sql, params, result_rows, read_rows, read_bytes, elapsed_ms, truncated, error_code, error
FROM console_audit
ORDER BY started_at DESC
LIMIT {limit:UInt32}
