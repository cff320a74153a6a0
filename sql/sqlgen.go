package chsql

import "github.com/ClickHouse/clickhouse-go/v2"

// This file is the one place where chsql writes SQL whose text varies:
// what varies is the cluster mode (ON CLUSTER, a Replicated engine), which
// the server does not take as a parameter. The cluster name comes from the
// operator's configuration, never from a request, and is quoted as an
// identifier; the database travels as an {db:Identifier} parameter.
// Statements with nothing variable live as named files in sql/queries
// (migrate.*.sql). sqlgen_test.go holds the exact text.

// createDatabaseSQL creates the application database, on every node of
// cluster when one is named.
func createDatabaseSQL(db, cluster string) (string, []any) {
	return "CREATE DATABASE IF NOT EXISTS {db:Identifier}" + onCluster(cluster), []any{clickhouse.Named("db", db)}
}

// ledgerSQL creates the schema_migrations ledger: one row per attempt to
// apply a migration, the newest (applied_at) per id winning.
func ledgerSQL(db, cluster string) (string, []any) {
	engine := "ReplacingMergeTree(applied_at)"
	if cluster != "" {
		engine = "Replicated" + engine
	}
	return "CREATE TABLE IF NOT EXISTS {db:Identifier}.schema_migrations" + onCluster(cluster) + `
(id UInt32, name String, checksum String, applied_at DateTime64(3, 'Asia/Shanghai'), status LowCardinality(String))
ENGINE = ` + engine + " ORDER BY id", []any{clickhouse.Named("db", db)}
}
