-- Drops a test's database when the test ends (sql/chtest).
DROP DATABASE IF EXISTS {db:Identifier}
