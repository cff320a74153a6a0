-- Opens the engine's HTTP listener, when an HTTP port is configured; run
-- like engine.StartListenTCP in the start-up session.
SYSTEM START LISTEN HTTP
