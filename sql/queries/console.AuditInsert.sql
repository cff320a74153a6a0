-- One console statement's audit row (dashboard/console_audit.go), sent as a batch.
INSERT INTO console_audit (query_id, username, via, started_at, sql, params, result_rows, read_rows, read_bytes, elapsed_ms, truncated, error_code, error)
