-- Parts of the application database's tables that the engine set aside
-- (detached): found damaged at start (broken-on-start), unexpected,
-- noquorum, or detached by hand. Their rows are missing from every count
-- until an administrator repairs or drops them. Parts being attached or
-- dropped at this moment (attaching_, deleting_, tmp-fetch_) pass by on
-- their own and are left out. Reads system.detached_parts only.
SELECT table, name, ifNull(reason, '') AS reason, path
FROM system.detached_parts
WHERE database = currentDatabase()
  AND ifNull(reason, '') NOT IN ('attaching', 'deleting', 'tmp-fetch')
ORDER BY table, name
