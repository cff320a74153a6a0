package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/sql/chtest"
	"github.com/zibo-kj/corridor/sql/engine"
)

// TestClusterPerNodeFromTheCommandLine: the options an operator gives
// (--clickhouse of each node, --cluster, --cluster-per-node) migrate each
// node of a two-shard cluster as docs/deploy.md says; a load through one
// node then spreads over both shards and reads back whole through either.
func TestClusterPerNodeFromTheCommandLine(t *testing.T) {
	ctx := context.Background()
	lib, err := engine.EnsureLib(os.Getenv("CORRIDOR_CHDB_LIB"), engine.DefaultCacheDir(), slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	cl := (&chtest.Harness{Lib: lib}).StartCluster(t, "corridor_cli", 2)
	var stores []*store
	for _, e := range cl.Engines {
		p := e.Endpoint()
		p.Database = chtest.DBPrefix + "_cli_cluster"
		s, _ := testStore(t, "--clickhouse", p.DSN(engine.Writer), "--cluster", "corridor_cli", "--cluster-per-node")
		stores = append(stores, s)
	}
	csv := filepath.Join(t.TempDir(), "平台.csv")
	body := "平台名称,区县,共建时间\n"
	for _, n := range []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"} {
		body += "平台" + n + ",张店区,2019-03-10\n"
	}
	if err := os.WriteFile(csv, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep, err := ingest.Load(ctx, stores[0].conn, ingest.Options{Path: csv}); err != nil || rep.Accepted != 10 {
		t.Fatalf("load through node 1: %v %+v", err, rep)
	}
	var sum uint64
	for i, s := range stores {
		var local, all uint64
		if err := s.conn.QueryRow(ctx, "SELECT (SELECT count() FROM platforms_local), (SELECT count() FROM platforms_current)").Scan(&local, &all); err != nil {
			t.Fatal(err)
		}
		if local == 0 || local == 10 || all != 10 {
			t.Errorf("node %d: %d of the rows on its shard, %d through its Distributed tables; want a share, and all 10", i+1, local, all)
		}
		sum += local
	}
	if sum != 10 {
		t.Errorf("the shards hold %d rows together, want 10", sum)
	}
}
