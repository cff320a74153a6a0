-- A new version of a users row. Sent as a batch: the values, the password
-- hash among them, travel as a data block and never appear in query text
-- or the server's query log.
INSERT INTO users (username, role, password_hash, lang, disabled, created_at, version)
