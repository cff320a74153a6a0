package chsql

import (
	"fmt"
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// TestStatementText pins the exact text and parameters of every statement
// sqlgen.go writes, without an engine: a change to the SQL shows here, in
// review. The database is a parameter in every mode; only the cluster
// clause is text.
func TestStatementText(t *testing.T) {
	two := func(q string, a []any) [2]string { return [2]string{q, params(a)} }
	cases := []struct {
		name string
		got  [2]string
		want [2]string
	}{
		{"database, single server",
			two(createDatabaseSQL("corridor", "")),
			[2]string{"CREATE DATABASE IF NOT EXISTS {db:Identifier}", "db=corridor"}},
		{"database on a cluster, hostile names",
			two(createDatabaseSQL("x`; DROP", "c`1")),
			[2]string{"CREATE DATABASE IF NOT EXISTS {db:Identifier} ON CLUSTER `c\\`1`", "db=x`; DROP"}},
		{"ledger, single server",
			two(ledgerSQL("corridor", "")),
			[2]string{"CREATE TABLE IF NOT EXISTS {db:Identifier}.schema_migrations\n(id UInt32, name String, checksum String, applied_at DateTime64(3, 'Asia/Shanghai'), status LowCardinality(String))\nENGINE = ReplacingMergeTree(applied_at) ORDER BY id", "db=corridor"}},
		{"ledger on a cluster",
			two(ledgerSQL("corridor", "main")),
			[2]string{"CREATE TABLE IF NOT EXISTS {db:Identifier}.schema_migrations ON CLUSTER `main`\n(id UInt32, name String, checksum String, applied_at DateTime64(3, 'Asia/Shanghai'), status LowCardinality(String))\nENGINE = ReplicatedReplacingMergeTree(applied_at) ORDER BY id", "db=corridor"}},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s:\n got  %q\n      %q\n want %q\n      %q", c.name, c.got[0], c.got[1], c.want[0], c.want[1])
		}
	}
}

func params(args []any) string {
	s := ""
	for i, a := range args {
		if i > 0 {
			s += " "
		}
		p := a.(driver.NamedValue)
		s += fmt.Sprintf("%s=%v", p.Name, p.Value)
	}
	return s
}
