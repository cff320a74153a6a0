-- Records one attempt to apply a migration in the ledger ('applied' or
-- 'failed'); the newest row per id is the migration's state.
INSERT INTO {db:Identifier}.schema_migrations (id, name, checksum, applied_at, status)
VALUES ({id:UInt32}, {name:String}, {checksum:String}, {applied_at:DateTime64(3)}, {status:String})
