-- The newest version of one extracted figure, and whether it still awaits
-- review (count() = 0: no such figure).
SELECT count(), argMax(status, version) = 'needs_review', argMax(metric, version), argMax(value, version),
  argMax(unit, version), argMax(qualifier, version), argMax(period_start, version), argMax(grain, version), argMax(place_code, version)
FROM observations
WHERE source_id = {src:String} AND row_key = {key:String}
