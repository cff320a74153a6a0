-- observations_current, cheaper to read: the sort that picks the newest
-- version per key now follows the table's own order (metric, place, period
-- first), so ClickHouse reads in order instead of sorting a whole metric.
-- It picks the same row as 0002: the newest version per natural key.
CREATE OR REPLACE VIEW {db}.observations_current{on_cluster} AS
SELECT * FROM {db}.observations FINAL
WHERE source_id IN (SELECT source_id FROM {db}.sources FINAL WHERE status = 'committed')
  AND status = 'accepted'
ORDER BY metric, place_code, period_start, row_key, grain, version DESC
LIMIT 1 BY metric, place_code, period_start, grain, row_key
