-- Merges the generated parts of observations, as background merges would,
-- so the benchmark reads the table as it settles.
OPTIMIZE TABLE observations FINAL
