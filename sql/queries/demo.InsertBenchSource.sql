-- The committed sample load that the benchmark's generated observations
-- belong to (source 'bench-10m'), with how many rows it holds.
INSERT INTO sources (source_id, file_name, sha256, kind, format, rows_accepted, loaded_by, loaded_at, status, sample, version)
VALUES ('bench-10m', 'generated', '', 'observation', 'generated', {rows:UInt32}, 'bench', now64(3), 'committed', 1, {version:UInt64})
