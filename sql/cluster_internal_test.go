package chsql

import (
	"strings"
	"testing"
)

// TestClusterStatementsEveryMigration: in cluster mode every table of every
// migration becomes a local table plus a Distributed table of the same name
// sharded by its key, ALTERs reach both, and the single-node statements
// stay exactly what the migration files say.
func TestClusterStatementsEveryMigration(t *testing.T) {
	ms, err := Migrations()
	if err != nil {
		t.Fatal(err)
	}
	single := Migrator{Database: "corridor"}
	keeper := Migrator{Database: "corridor", Cluster: "c1"}
	perNode := Migrator{Database: "corridor", Cluster: "c1", PerNode: true}
	tables := map[string]bool{}
	for _, mg := range ms {
		one, err := single.Statements(mg)
		if err != nil {
			t.Fatal(err)
		}
		for i, stmt := range Split(mg.SQL) {
			if one[i] != single.expand(stmt) {
				t.Errorf("%s statement %d changed in single-node mode", mg.FileName(), i+1)
			}
		}
		for _, m := range []Migrator{keeper, perNode} {
			stmts, err := m.Statements(mg)
			if err != nil {
				t.Fatalf("%s: %v", mg.FileName(), err)
			}
			for i, s := range stmts {
				if strings.Contains(s, "{") && !strings.Contains(s, "Map(") {
					t.Errorf("%s: placeholder left in %q", mg.FileName(), s)
				}
				if got := strings.Contains(s, "ON CLUSTER `c1`"); got == m.PerNode && (strings.HasPrefix(s, "CREATE") || strings.HasPrefix(s, "ALTER")) {
					t.Errorf("%s per-node=%v: ON CLUSTER %v in %.80q", mg.FileName(), m.PerNode, got, s)
				}
				if strings.Contains(s, "Replicated") == m.PerNode && strings.Contains(s, "MergeTree") {
					t.Errorf("%s per-node=%v: engine in %.120q", mg.FileName(), m.PerNode, s)
				}
				if strings.HasPrefix(s, "CREATE TABLE IF NOT EXISTS `corridor`.") && strings.Contains(s, "MergeTree") {
					name := strings.TrimPrefix(s, "CREATE TABLE IF NOT EXISTS `corridor`.")
					name = name[:strings.IndexAny(name, " \n")]
					if !strings.HasSuffix(name, LocalSuffix) {
						t.Errorf("%s: MergeTree table %s is not a local table", mg.FileName(), name)
					}
					base := strings.TrimSuffix(name, LocalSuffix)
					want := "ENGINE = Distributed('c1', 'corridor', '" + name + "', " + shardKeys[base] + ")"
					if i+1 >= len(stmts) || !strings.Contains(stmts[i+1], want) || !strings.Contains(stmts[i+1], "`corridor`."+base) {
						t.Errorf("%s: %s is not followed by its Distributed table %q", mg.FileName(), name, want)
					}
					tables[base] = true
				}
			}
		}
	}
	for name := range shardKeys {
		if !tables[name] {
			t.Errorf("shardKeys names %s, which no migration creates", name)
		}
	}
	if _, err := clusterStatements("CREATE TABLE IF NOT EXISTS {db}.new_table{on_cluster} (a String) ENGINE = MergeTree ORDER BY a", "c1", "db"); err == nil {
		t.Error("a table without a sharding key was accepted in cluster mode")
	}
}
