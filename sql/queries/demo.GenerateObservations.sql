-- Generates the benchmark's accepted observation rows inside the engine:
-- metric and place from the given lists, in the table's sort order (so the
-- insert's sort is nearly free), days spread over 2017-2025, random values
-- and a distinct row_key per row. Each metric gets per_metric rows, each
-- place of a metric per_place of them.
INSERT INTO observations (metric, place_code, period_start, grain, row_key, value, unit, qualifier, partner, status, evidence, note, source_id, source_line, version)
SELECT
    {metrics:Array(String)}[1 + intDiv(number, {per_metric:UInt64})],
    {places:Array(String)}[1 + intDiv(number % {per_metric:UInt64}, {per_place:UInt64})],
    toDate('2017-01-01') + toUInt16(intDiv((number % {per_place:UInt64}) * 3287, {per_place:UInt64})),
    'day', leftPad(hex(number), 8, '0'), (cityHash64(number) % 1000000) / 100, '元', '', '', 'accepted', '', '',
    'bench-10m', toUInt32(number + 1), {version:UInt64}
FROM numbers({rows:UInt64})
