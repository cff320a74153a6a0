-- A user's last 50 console statements, newest first (the console's history).
SELECT query_id, username, via, started_at, sql, params, result_rows, read_rows, read_bytes, elapsed_ms, truncated, error_code, error
FROM console_audit
WHERE username = {user:String}
ORDER BY started_at DESC
LIMIT 50
