-- Extracted figures of committed loads still waiting for review (the
-- newest version of each), oldest load first.
SELECT concat(source_id, '|', row_key) AS id, metric, value, unit, qualifier, if(grain = '', '', toString(period_start)) AS period, partner, place_code, evidence, note, status, period_start
FROM (SELECT * FROM observations WHERE source_id IN (SELECT source_id FROM sources FINAL WHERE status = 'committed')
      ORDER BY version DESC LIMIT 1 BY source_id, row_key)
WHERE status = 'needs_review'
ORDER BY source_id, row_key
LIMIT {limit:UInt64}
