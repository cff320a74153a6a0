-- The current user's grants, one statement per row.
SHOW GRANTS
