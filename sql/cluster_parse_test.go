package chsql_test

import (
	"context"
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2"
	chsql "github.com/zibo-kj/corridor/sql"
)

// TestClusterKeeperStatementsParse: the embedded engine has no Keeper, so
// the ON CLUSTER / Replicated… form of the migrations cannot run here; the
// engine's own parser (formatQuery) must at least accept every statement of
// it, as a ClickHouse cluster would receive them.
func TestClusterKeeperStatementsParse(t *testing.T) {
	d := h.DB(t)
	ms, err := chsql.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	m := chsql.Migrator{Database: "corridor", Cluster: "corridor"}
	n := 0
	for _, mg := range ms {
		stmts, err := m.Statements(mg)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range stmts {
			var out string
			if err := d.Conn.QueryRow(context.Background(), "SELECT formatQuery({q:String})", clickhouse.Named("q", s)).Scan(&out); err != nil {
				t.Errorf("%s: the engine's parser refuses %.100q…: %v", mg.FileName(), s, err)
			}
			n++
		}
	}
	if n < 50 {
		t.Errorf("only %d statements checked", n)
	}
}
