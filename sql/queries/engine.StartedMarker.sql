-- The last start query: prints the run's fresh marker, which the engine
-- child watches its output for. The client stops at the first failed
-- statement, so the marker shows only when every listener started. The
-- marker is a parameter (--param_marker on the command line), so the
-- query text the client may echo never holds it.
SELECT {marker:String}
