-- Removes a rejected load's sources rows after its raw rows (rollback);
-- the caller sets mutations_sync so the rows are gone when it returns.
DELETE FROM sources WHERE source_id = {source_id:String}
