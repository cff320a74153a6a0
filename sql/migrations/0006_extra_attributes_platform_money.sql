-- Nothing a clerk sends is dropped (issue 10). Placeholders as in 0001_init.sql.
--
-- extra: the columns of a sheet that match no field, kept with their row:
-- header as written → cell text (负责人 → 张伟). Readers get them through the
-- *_current views (extra['负责人']) and the drill-down. Map(String, String)
-- because which columns a district adds is open-ended and only ever read
-- back as text; empty cells are not stored.
--
-- platforms.invest_*: a platform's investment in yuan as its sheet states it
-- (投入资金 → 财政资金 / 企业自筹 / 合计). Nullable: a platform whose sheet gives no
-- figure has not invested nothing; sums skip it and coverage can be counted.
--
-- Every statement is idempotent (IF NOT EXISTS, OR REPLACE), so a migration
-- that stopped half-way can simply run again.
ALTER TABLE {db}.platforms{on_cluster}
    ADD COLUMN IF NOT EXISTS invest_total Nullable(Decimal(18, 2)) AFTER established,
    ADD COLUMN IF NOT EXISTS invest_fiscal Nullable(Decimal(18, 2)) AFTER invest_total,
    ADD COLUMN IF NOT EXISTS invest_self Nullable(Decimal(18, 2)) AFTER invest_fiscal,
    ADD COLUMN IF NOT EXISTS extra Map(String, String) AFTER note
-- split
ALTER TABLE {db}.projects{on_cluster} ADD COLUMN IF NOT EXISTS extra Map(String, String) AFTER note
-- split
ALTER TABLE {db}.agreements{on_cluster} ADD COLUMN IF NOT EXISTS extra Map(String, String) AFTER note
-- split
ALTER TABLE {db}.funding{on_cluster} ADD COLUMN IF NOT EXISTS extra Map(String, String) AFTER note
-- split
ALTER TABLE {db}.carriers{on_cluster} ADD COLUMN IF NOT EXISTS extra Map(String, String) AFTER note
-- split
ALTER TABLE {db}.talent{on_cluster} ADD COLUMN IF NOT EXISTS extra Map(String, String) AFTER note
-- split
ALTER TABLE {db}.observations{on_cluster} ADD COLUMN IF NOT EXISTS extra Map(String, String) AFTER note
-- split
ALTER TABLE {db}.targets{on_cluster} ADD COLUMN IF NOT EXISTS extra Map(String, String) AFTER note
-- split
-- A view keeps the column list it was created with: SELECT * in 0002/0004
-- does not pick up columns added later, so every record view is made again
-- with the same definition (0002; observations as in 0004).
CREATE OR REPLACE VIEW {db}.platforms_current{on_cluster} AS
SELECT * FROM {db}.platforms FINAL
WHERE source_id IN (SELECT source_id FROM {db}.sources FINAL WHERE status = 'committed')
ORDER BY version DESC LIMIT 1 BY row_key
-- split
CREATE OR REPLACE VIEW {db}.projects_current{on_cluster} AS
SELECT * FROM {db}.projects FINAL
WHERE source_id IN (SELECT source_id FROM {db}.sources FINAL WHERE status = 'committed')
ORDER BY version DESC LIMIT 1 BY row_key
-- split
CREATE OR REPLACE VIEW {db}.agreements_current{on_cluster} AS
SELECT * FROM {db}.agreements FINAL
WHERE source_id IN (SELECT source_id FROM {db}.sources FINAL WHERE status = 'committed')
ORDER BY version DESC LIMIT 1 BY row_key
-- split
CREATE OR REPLACE VIEW {db}.funding_current{on_cluster} AS
SELECT * FROM {db}.funding FINAL
WHERE source_id IN (SELECT source_id FROM {db}.sources FINAL WHERE status = 'committed')
ORDER BY version DESC LIMIT 1 BY row_key
-- split
CREATE OR REPLACE VIEW {db}.carriers_current{on_cluster} AS
SELECT * FROM {db}.carriers FINAL
WHERE source_id IN (SELECT source_id FROM {db}.sources FINAL WHERE status = 'committed')
ORDER BY version DESC LIMIT 1 BY row_key
-- split
CREATE OR REPLACE VIEW {db}.talent_current{on_cluster} AS
SELECT * FROM {db}.talent FINAL
WHERE source_id IN (SELECT source_id FROM {db}.sources FINAL WHERE status = 'committed')
ORDER BY version DESC LIMIT 1 BY row_key
-- split
CREATE OR REPLACE VIEW {db}.observations_current{on_cluster} AS
SELECT * FROM {db}.observations FINAL
WHERE source_id IN (SELECT source_id FROM {db}.sources FINAL WHERE status = 'committed')
  AND status = 'accepted'
ORDER BY metric, place_code, period_start, row_key, grain, version DESC
LIMIT 1 BY metric, place_code, period_start, grain, row_key
-- split
CREATE OR REPLACE VIEW {db}.targets_current{on_cluster} AS
SELECT * FROM {db}.targets FINAL
WHERE source_id IN (SELECT source_id FROM {db}.sources FINAL WHERE status = 'committed')
ORDER BY version DESC LIMIT 1 BY metric, place_code, year
