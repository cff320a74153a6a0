-- Accepts or rejects one extracted figure: a newer version of its row with
-- the review's status and, when accepted with a correction, the corrected
-- values; the figure as extracted is then kept in original.
INSERT INTO observations SELECT * REPLACE ({status:String} AS status, {version:UInt64} AS version,
  {metric:String} AS metric, {value:Float64} AS value, {unit:String} AS unit, {qualifier:String} AS qualifier,
  toDate({start:String}) AS period_start, {grain:String} AS grain, {place:String} AS place_code,
  if({original:String} = '', original, {original:String}) AS original)
FROM observations FINAL WHERE source_id = {src:String} AND row_key = {key:String}
