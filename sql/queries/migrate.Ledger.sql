-- The ledger's latest entry per migration: its checksum and status.
SELECT id, argMax(checksum, applied_at), argMax(status, applied_at)
FROM {db:Identifier}.schema_migrations
GROUP BY id
