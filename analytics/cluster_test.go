package analytics_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/demo"
)

// TestClusterTwoShardsMatchSingleNode loads the demo files through ingest
// into a single node and into a cluster of two embedded engines (cluster
// mode: local tables on each shard, Distributed tables over them, inserts
// with distributed_foreground_insert) and checks that the overview, every
// metric's series, the breakdowns and the index are exactly the same. The
// rows must really be spread: each shard holds part of every record table.
func TestClusterTwoShardsMatchSingleNode(t *testing.T) {
	ctx := context.Background()
	single := h.DB(t)
	cl := h.StartCluster(t, "corridor_test", 2).DB(t)

	files, err := demo.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cat := analytics.DefaultCatalog()
	for _, f := range files {
		for name, conn := range map[string]driver.Conn{"single": single.Conn, "cluster": cl.Conn} {
			if rep, err := ingest.Load(ctx, conn, ingest.Options{Path: f.Path, Kind: f.Kind, Sample: true, MetricUnit: cat.UnitOf}); err != nil {
				t.Fatalf("%s: load %s: %v %+v", name, f.Path, err, rep)
			}
		}
	}

	for _, table := range []string{"sources", "platforms", "projects", "agreements", "funding", "carriers", "talent", "observations", "targets"} {
		var total uint64
		q := fmt.Sprintf("SELECT count() FROM %s", table) // + FINAL below: merges happen at their own pace
		if err := single.Conn.QueryRow(ctx, q+" FINAL").Scan(&total); err != nil {
			t.Fatal(err)
		}
		var sum uint64
		for i, n := range cl.Nodes {
			var c uint64
			if err := n.QueryRow(ctx, q+"_local FINAL").Scan(&c); err != nil {
				t.Fatal(err)
			}
			if c == 0 || c == total {
				t.Errorf("%s: shard %d holds %d of %d rows; want a share of them", table, i+1, c, total)
			}
			sum += c
		}
		if sum != total {
			t.Errorf("%s: shards hold %d rows together, the single node %d", table, sum, total)
		}
	}

	one, two := analytics.NewService(single.Conn), analytics.NewService(cl.Conn)
	same := func(what string, a, b any, errA, errB error) {
		t.Helper()
		if errA != nil || errB != nil {
			t.Fatalf("%s: single %v, cluster %v", what, errA, errB)
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s differs:\nsingle  %s\ncluster %s", what, ja, jb)
		}
	}
	cfg := index.DefaultConfig()
	for _, q := range []string{"", "from=2023&to=2024", "district=淄川区"} {
		f := filter(t, q)
		a, errA := one.Overview(ctx, f, cfg, indexNow)
		b, errB := two.Overview(ctx, f, cfg, indexNow)
		same("overview "+q, a, b, errA, errB)
		ia, errA := one.Index(ctx, f, cfg, indexNow)
		ib, errB := two.Index(ctx, f, cfg, indexNow)
		same("index "+q, ia, ib, errA, errB)
	}
	var codes []string
	for _, m := range cat.Metrics {
		codes = append(codes, m.Code)
	}
	for _, q := range []string{"grain=year", "grain=quarter&from=2022&to=2024", "grain=month&from=2024&to=2024"} {
		a, errA := one.Series(ctx, codes, filter(t, q))
		b, errB := two.Series(ctx, codes, filter(t, q))
		same("series "+q, a, b, errA, errB)
	}
	for _, m := range cat.Metrics {
		for _, by := range analytics.Dimensions {
			a, errA := one.Breakdown(ctx, m.Code, by, 0, analytics.Filter{})
			b, errB := two.Breakdown(ctx, m.Code, by, 0, analytics.Filter{})
			if errA != nil && errB != nil && errA.Error() == errB.Error() {
				continue // a dimension this metric does not have: refused alike
			}
			same("breakdown "+m.Code+" by "+by, a, b, errA, errB)
		}
	}
}
