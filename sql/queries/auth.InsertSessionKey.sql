-- Saves a new session-signing key (a batch, so the key is not in query text or the query log).
INSERT INTO app_secrets (name, value, version)
