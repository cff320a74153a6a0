-- Initial schema. Placeholders: {db} database, {on_cluster} " ON CLUSTER x" or "",
-- {replicated} "Replicated" or "". One statement per chunk, chunks split by "-- split".
--
-- Every record table keeps every load's rows (ReplacingMergeTree collapses only
-- duplicates from the same source, because source_id ends the sort key). Readers
-- go through the *_current views: rows of committed sources only, newest load per
-- natural key (row_key). So a corrected file replaces, a reload does not double,
-- a withdrawal brings the previous version back, and a load interrupted half-way
-- (source still 'loading') is never seen.
CREATE TABLE IF NOT EXISTS {db}.sources{on_cluster}
(
    source_id      String,
    file_name      String,
    sha256         String,
    kind           LowCardinality(String),
    format         LowCardinality(String),
    sheet          String,
    rows_accepted  UInt32,
    rows_rejected  UInt32,
    rows_skipped   UInt32,
    period_from    Nullable(Date),
    period_to      Nullable(Date),
    loaded_by      String,
    loaded_at      DateTime64(3, 'Asia/Shanghai'),
    status         LowCardinality(String),
    sample         UInt8,
    note           String,
    version        UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY source_id
-- split
CREATE TABLE IF NOT EXISTS {db}.places{on_cluster}
(
    code       String,
    name       String,
    name_en    String,
    city_code  LowCardinality(String),
    city       LowCardinality(String),
    level      LowCardinality(String),
    version    UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY code
-- split
CREATE TABLE IF NOT EXISTS {db}.organizations{on_cluster}
(
    name       String,
    kind       LowCardinality(String),
    city_code  LowCardinality(String),
    aliases    Array(String),
    version    UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY name
-- split
CREATE TABLE IF NOT EXISTS {db}.platforms{on_cluster}
(
    row_key        String,
    name           String,
    kind           LowCardinality(String),
    level          LowCardinality(String),
    partners       Array(String),
    host           String,
    district_code  LowCardinality(String),
    industry       LowCardinality(String),
    established    Date,
    approx         UInt8,
    note           String,
    source_id      String,
    source_line    UInt32,
    version        UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY (row_key, source_id)
-- split
CREATE TABLE IF NOT EXISTS {db}.projects{on_cluster}
(
    row_key         String,
    title           String,
    partners        Array(String),
    lead            String,
    district_code   LowCardinality(String),
    industry        LowCardinality(String),
    start_date      Date,
    end_date        Nullable(Date),
    funding_total   Decimal(18, 2),
    funding_fiscal  Decimal(18, 2),
    status          LowCardinality(String),
    approx          UInt8,
    note            String,
    source_id       String,
    source_line     UInt32,
    version         UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY (row_key, source_id)
-- split
CREATE TABLE IF NOT EXISTS {db}.agreements{on_cluster}
(
    row_key        String,
    signed_on      Date,
    title          String,
    parties        Array(String),
    kind           LowCardinality(String),
    district_code  LowCardinality(String),
    approx         UInt8,
    note           String,
    source_id      String,
    source_line    UInt32,
    version        UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY (row_key, source_id)
-- split
CREATE TABLE IF NOT EXISTS {db}.funding{on_cluster}
(
    row_key        String,
    paid_on        Date,
    grain          LowCardinality(String),
    payer          String,
    recipient      String,
    purpose        String,
    industry       LowCardinality(String),
    amount         Decimal(18, 2),
    fiscal         UInt8,
    district_code  LowCardinality(String),
    approx         UInt8,
    note           String,
    source_id      String,
    source_line    UInt32,
    version        UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY (row_key, source_id)
-- split
CREATE TABLE IF NOT EXISTS {db}.carriers{on_cluster}
(
    row_key        String,
    name           String,
    kind           LowCardinality(String),
    level          LowCardinality(String),
    district_code  LowCardinality(String),
    recognised_on  Date,
    operator       String,
    approx         UInt8,
    note           String,
    source_id      String,
    source_line    UInt32,
    version        UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY (row_key, source_id)
-- split
CREATE TABLE IF NOT EXISTS {db}.talent{on_cluster}
(
    row_key        String,
    happened_on    Date,
    kind           LowCardinality(String),
    name           String,
    headcount      UInt32,
    partner        String,
    district_code  LowCardinality(String),
    approx         UInt8,
    note           String,
    source_id      String,
    source_line    UInt32,
    version        UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY (row_key, source_id)
-- split
CREATE TABLE IF NOT EXISTS {db}.observations{on_cluster}
(
    metric         LowCardinality(String),
    place_code     LowCardinality(String),
    period_start   Date,
    grain          LowCardinality(String),
    row_key        String,
    value          Float64,
    unit           LowCardinality(String),
    qualifier      LowCardinality(String),
    partner        String,
    status         LowCardinality(String),
    evidence       String,
    note           String,
    source_id      String,
    source_line    UInt32,
    version        UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
PARTITION BY toYear(period_start)
ORDER BY (metric, place_code, period_start, row_key, source_id)
-- split
CREATE TABLE IF NOT EXISTS {db}.targets{on_cluster}
(
    row_key      String,
    metric       LowCardinality(String),
    place_code   LowCardinality(String),
    year         UInt16,
    value        Float64,
    approx       UInt8,
    note         String,
    source_id    String,
    source_line  UInt32,
    version      UInt64
)
ENGINE = {replicated}ReplacingMergeTree(version)
ORDER BY (metric, place_code, year, row_key, source_id)
