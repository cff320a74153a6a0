-- Every session-signing key, the canonical one (smallest version) first.
SELECT value
FROM app_secrets FINAL
WHERE name = {name:String}
ORDER BY version, value
