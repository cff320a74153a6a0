package analytics_test

import (
	"context"
	"fmt"
	"math"
	"strings"
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
	// 财政局→分院 1e6, 山东大学→甲公司 3e5, 财政局→甲公司 5e5. Money is not a
	// count: every edge weighs 0 and the nodes rank by money moved.
	n, err := s.Network(ctx, filter(t, ""), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Edges) != 3 || n.Edges[0].Source != "淄博市财政局" || n.Edges[0].Funding != 1e6 || n.Edges[0].Weight != 0 {
		t.Fatalf("edges %+v", n.Edges)
	}
	var got []string
	for _, x := range n.Nodes {
		got = append(got, x.ID+":"+x.Category)
	}
	wantN := []string{"淄博市财政局:government", "分院:enterprise", "甲公司:enterprise", "山东大学:partner"}
	if strings.Join(got, " ") != strings.Join(wantN, " ") || n.Nodes[0].Paid != 1.5e6 || n.Nodes[2].Received != 8e5 {
		t.Fatalf("nodes %v, want %v (%+v)", got, wantN, n.Nodes)
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
	// The top one of each level stays; the rest fold, and every node says
	// what a click on it lists.
	f, err = s.Flows(ctx, filter(t, ""), 1)
	if err != nil {
		t.Fatal(err)
	}
	want = map[[2]string]float64{{"淄博市财政局", "分院"}: 1e6, {"分院", "产业·新材料"}: 1e6, {"淄博市财政局", "其他接收单位"}: 5e5,
		{"其他拨付单位", "其他接收单位"}: 3e5, {"其他接收单位", "其他产业"}: 8e5}
	if len(f.Links) != len(want) {
		t.Fatalf("folded flows %+v", f.Links)
	}
	for _, l := range f.Links {
		if want[[2]string{l.Source, l.Target}] != l.Value {
			t.Errorf("folded link %+v unexpected", l)
		}
	}
	var info []string
	for _, n := range f.Info {
		info = append(info, fmt.Sprintf("%s:%s:%s:%v", n.Name, n.Level, n.Key, n.Other))
	}
	wantInfo := "产业·新材料:industry:新材料:false 其他产业:industry::true 其他拨付单位:payer::true 其他接收单位:recipient::true 分院:recipient:分院:false 淄博市财政局:payer:淄博市财政局:false"
	if strings.Join(info, " ") != wantInfo || len(f.Info) != len(f.Nodes) {
		t.Errorf("node info\n%s\nwant\n%s", strings.Join(info, " "), wantInfo)
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

// TestNetworkCategories: platforms (partner × host) and projects (partner
// × lead) are counted ties; a Jinan or provincial body among the partners
// is a government body, not a university.
func TestNetworkCategories(t *testing.T) {
	s := fixture(t, map[string]string{"p.csv": `平台名称,级别,合作单位,依托单位,区县,共建时间
A,市级,山东大学,甲公司,淄川区,2019-03-10
B,省级,山东大学、济南市科学技术局,乙公司,张店区,2019-11-02
`, "j.csv": `项目名称,合作单位,承担单位,区县,开始时间,产业领域
P1,山东大学,甲公司,淄川区,2020-01-05,化工
P2,齐鲁工业大学,甲公司,淄川区,2021-02-01,化工
`})
	n, err := s.Network(context.Background(), filter(t, ""), 0)
	if err != nil {
		t.Fatal(err)
	}
	cat := map[string]analytics.Node{}
	for _, x := range n.Nodes {
		cat[x.ID] = x
	}
	for id, want := range map[string]string{"山东大学": "partner", "齐鲁工业大学": "partner", "济南市科学技术局": "government", "甲公司": "enterprise", "乙公司": "enterprise"} {
		if cat[id].Category != want {
			t.Errorf("%s: category %q, want %q", id, cat[id].Category, want)
		}
	}
	if u := cat["山东大学"]; u.Platforms != 2 || u.Projects != 1 || u.Weight != 3 || n.Nodes[0].ID != "山东大学" {
		t.Errorf("山东大学 %+v, first node %s", u, n.Nodes[0].ID)
	}
	if c := cat["甲公司"]; c.Platforms != 1 || c.Projects != 2 || c.Weight != 3 {
		t.Errorf("甲公司 %+v", c)
	}
	if len(n.Edges) != 4 || n.Edges[0].Weight != 2 { // 山东大学→甲公司 is a platform and a project
		t.Errorf("edges %+v", n.Edges)
	}
	// A click on a Zibo node lists its platforms (by host) and projects (by lead).
	for _, c := range []struct {
		metric, by, value string
		want              uint64
	}{{"platforms_new", "host", "甲公司", 1}, {"projects_new", "lead", "甲公司", 2}, {"platforms_new", "partner", "济南市科学技术局", 1}} {
		r, err := s.Rows(context.Background(), c.metric, c.by, c.value, filter(t, ""), 1, 50)
		if err != nil || r.Total != c.want {
			t.Errorf("rows %s by %s = %s: %v (err %v), want %d", c.metric, c.by, c.value, r, err, c.want)
		}
	}
}
