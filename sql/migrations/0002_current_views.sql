-- Views that readers (analytics, the SQL console) use: committed sources only,
-- the newest load per natural key. See 0001_init.sql for why.
CREATE OR REPLACE VIEW {db}.sources_current{on_cluster} AS
SELECT * FROM {db}.sources FINAL
-- split
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
ORDER BY version DESC LIMIT 1 BY metric, place_code, period_start, grain, row_key
-- split
CREATE OR REPLACE VIEW {db}.targets_current{on_cluster} AS
SELECT * FROM {db}.targets FINAL
WHERE source_id IN (SELECT source_id FROM {db}.sources FINAL WHERE status = 'committed')
ORDER BY version DESC LIMIT 1 BY metric, place_code, year
