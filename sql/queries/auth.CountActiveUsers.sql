-- How many users are not deleted (the first administrator is created only when none is).
SELECT count() FROM users FINAL WHERE disabled = 0
