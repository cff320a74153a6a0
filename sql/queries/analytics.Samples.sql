-- The committed loads: how many hold real data and how many sample data (示例数据).
SELECT countIf(sample = 0), countIf(sample = 1) FROM sources FINAL WHERE status = 'committed'
