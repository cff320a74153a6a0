-- The rejects file of a web upload (rows refused with "load good rows, report
-- the bad"), kept with its load so the data page's link still works after the
-- request: the upload's temporary folder is gone by then. One row a load,
-- the CSV as written by ingest (UTF-8 with BOM). The CLI writes its rejects
-- beside the input file instead. Placeholders as in 0001_init.sql.
CREATE TABLE IF NOT EXISTS {db}.load_rejects{on_cluster}
(
    source_id   String,
    file_name   String,
    content     String CODEC(ZSTD(3)),
    saved_at    DateTime64(3, 'Asia/Shanghai')
)
ENGINE = {replicated}ReplacingMergeTree(saved_at)
ORDER BY source_id
