-- Removes one load's raw rows from one record table: an interrupted load's
-- at recovery, a rejected load's at rollback. Waits until the rows are gone
-- (the caller sets mutations_sync), so a recovery that returns has left
-- nothing half-written behind.
DELETE FROM {table:Identifier} WHERE source_id = {source_id:String}
