-- Loads still 'loading' that began before a moment ({before_ms}, Unix
-- milliseconds): a process that stopped half-way leaves its load so.
-- Readers never see their rows (the *_current views want 'committed').
SELECT *
FROM sources FINAL
WHERE status = 'loading'
  AND loaded_at < fromUnixTimestamp64Milli({before_ms:Int64})
ORDER BY loaded_at, source_id
