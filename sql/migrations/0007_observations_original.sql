-- A reviewer's correction is kept beside what was extracted (issue 12).
-- Placeholders as in 0001_init.sql.
--
-- original: the figure as the extractor read it, as JSON (metric, value,
-- unit, qualifier, period, place), written when a reviewer accepts a text
-- figure with corrections; the row's own columns then hold the corrected
-- figure. Empty for rows nobody corrected (every spreadsheet row).
--
-- Idempotent (IF NOT EXISTS), so a migration that stopped half-way can run
-- again.
ALTER TABLE {db}.observations{on_cluster}
    ADD COLUMN IF NOT EXISTS original String DEFAULT '' AFTER note
-- split
