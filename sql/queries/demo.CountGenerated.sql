-- How many generated benchmark rows observations_current shows.
SELECT count() FROM observations_current WHERE source_id = 'bench-10m'
