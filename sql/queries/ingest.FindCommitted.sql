-- The newest committed load of the same file content, kind and sheet:
-- loading a file twice is refused unless asked to replace.
SELECT *
FROM sources FINAL
WHERE sha256 = {sha256:String} AND kind = {kind:String} AND sheet = {sheet:String} AND status = 'committed'
ORDER BY loaded_at DESC
LIMIT 1
