package analytics_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/demo"
	chsql "github.com/zibo-kj/corridor/sql"
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

	// A second version of two files, every figure changed: the new load's
	// rows supersede the first's record by record, which only works on a
	// cluster if every version of a record is on the same shard.
	for _, f := range files {
		if f.Kind != "observation" && f.Kind != "talent" {
			continue
		}
		p := correctedCopy(t, f.Path, map[string]int{"observation": 3, "talent": 3}[f.Kind])
		for name, conn := range map[string]driver.Conn{"single": single.Conn, "cluster": cl.Conn} {
			if rep, err := ingest.Load(ctx, conn, ingest.Options{Path: p, Kind: f.Kind, Sample: true, MetricUnit: cat.UnitOf}); err != nil {
				t.Fatalf("%s: load %s: %v %+v", name, p, err, rep)
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
		var dist uint64
		if err := cl.Conn.QueryRow(ctx, q+" FINAL").Scan(&dist); err != nil {
			t.Fatal(err)
		}
		if dist != total {
			t.Errorf("%s FINAL through the Distributed table: %d rows, the single node %d", table, dist, total)
		}
	}

	// The dashboard reads as a read-only account: the same through it.
	reader, err := chsql.Open(ctx, cl.Reader, false)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	one, two := analytics.NewService(single.Conn), analytics.NewService(reader)
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

// correctedCopy writes a copy of a CSV file beside a temporary folder with
// the number in column col (0-based) of every data row raised by 1.
func correctedCopy(t *testing.T, path string, col int) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for i := 1; i < len(lines); i++ {
		cells := strings.Split(lines[i], ",")
		if len(cells) <= col {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(cells[col]), 64)
		if err != nil {
			t.Fatalf("%s line %d: column %d is %q, not a number", path, i+1, col+1, cells[col])
		}
		cells[col] = strconv.FormatFloat(v+1, 'f', -1, 64)
		lines[i] = strings.Join(cells, ",")
	}
	out := filepath.Join(t.TempDir(), "更正-"+filepath.Base(path))
	if err := os.WriteFile(out, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}
