-- The loads one load replaced (--replace) that are still replaced: their
-- note starts with the replacing load's marker. Withdrawing that load
-- commits them again.
SELECT *
FROM sources FINAL
WHERE status = {status:String} AND startsWith(note, {note_prefix:String})
