-- Opens the engine's native-protocol listener. Runs in the engine's own
-- start-up session (clickhouse-local's --query), before any account of ours
-- can log in, as `default`, whose quota allows exactly the start queries.
SYSTEM START LISTEN TCP
