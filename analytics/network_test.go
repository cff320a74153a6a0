package analytics_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/ingest/demo"
)

func TestNetworkAndFlowsByHand(t *testing.T) {
	s := fixture(t, map[string]string{"p.csv": fxPlatforms, "f.csv": fxFunding})
	ctx := context.Background()
	// fxPlatforms has no host column, so only funding makes edges:
	// 财政局→分院 1e6 (weight 1), 山东大学→甲公司 3e5 (0.3), 财政局→甲公司 5e5 (0.5).
	n, err := s.Network(ctx, filter(t, ""), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Edges) != 3 || n.Edges[0].Source != "淄博市财政局" || n.Edges[0].Funding != 1e6 {
		t.Fatalf("edges %+v", n.Edges)
	}
	if len(n.Nodes) != 4 || n.Nodes[0].ID != "淄博市财政局" || math.Abs(n.Nodes[0].Weight-1.5) > 1e-9 || n.Nodes[3].ID != "山东大学" {
		t.Fatalf("nodes %+v", n.Nodes)
	}
	f, err := s.Flows(ctx, filter(t, ""), 10)
	if err != nil {
		t.Fatal(err)
	}
	// 财政局→分院 1e6, 分院→产业·新材料 1e6, 财政局→甲公司 5e5, 山东大学→甲公司 3e5, 甲公司→产业·化工 8e5
	want := map[[2]string]float64{{"淄博市财政局", "分院"}: 1e6, {"分院", "产业·新材料"}: 1e6, {"淄博市财政局", "甲公司"}: 5e5, {"山东大学", "甲公司"}: 3e5, {"甲公司", "产业·化工"}: 8e5}
	if len(f.Links) != len(want) || f.Total != 1.8e6 {
		t.Fatalf("flows %+v", f)
	}
	for _, l := range f.Links {
		if want[[2]string{l.Source, l.Target}] != l.Value {
			t.Errorf("link %+v unexpected", l)
		}
	}
}

// TestIndexOnDemoData computes the index on the demo set loaded through ingest.
func TestIndexOnDemoData(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	if _, err := demo.Load(ctx, d.Conn, t.TempDir(), "test"); err != nil {
		t.Fatal(err)
	}
	s := analytics.NewService(d.Conn)
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	rep, err := s.Index(ctx, filter(t, ""), index.DefaultConfig(), now)
	if err != nil {
		t.Fatal(err)
	}
	r := rep.Result
	if r.Periods[len(r.Periods)-1] != "2025" {
		t.Fatalf("periods %v: the running year 2026 must be left out", r.Periods)
	}
	bi := -1
	for i, p := range r.Periods {
		if p == r.Base {
			bi = i
		}
	}
	if bi < 0 || math.Abs(r.Headline[bi]-100) > 1e-9 {
		t.Fatalf("base %s index %v, want 100", r.Base, r.Headline)
	}
	last := len(r.Periods) - 1
	if !(r.Band.P5[last] <= r.Band.P95[last]) || r.Headline[last] <= 100 {
		t.Fatalf("last year: headline %v band %v–%v", r.Headline[last], r.Band.P5[last], r.Band.P95[last])
	}
	if rep.Coupling == nil || len(rep.Coupling.Points) == 0 || rep.MethodZH == "" {
		t.Fatalf("coupling %+v method %q warnings %v", rep.Coupling, rep.MethodZH, rep.Warnings)
	}
	t.Logf("index %v base %s band5 %v band95 %v", r.Headline, r.Base, r.Band.P5, r.Band.P95)
}
