package analytics_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/sql/chtest"
)

// load loads one file through ingest, as sample data when sample is set.
func load(t *testing.T, d *chtest.DB, name, content string, sample bool) {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p, Sample: sample}); err != nil {
		t.Fatalf("load %s: %v %+v", name, err, rep)
	}
}

const samplePlatforms = `平台名称,级别,合作单位,区县,共建时间
示例甲,市级,山东大学,淄川区,2019-03-10
示例乙,省级,济南大学,张店区,2020-11-02
`

const sampleObs = `指标,地区,时期,数值,单位
示例指标,张店区,2020,5,家
`

func cumulative(t *testing.T, s *analytics.Service, f analytics.Filter) float64 {
	t.Helper()
	ss, err := s.Series(context.Background(), []string{"platforms_cum"}, f)
	if err != nil {
		t.Fatal(err)
	}
	pts := ss[0].Points
	if len(pts) == 0 {
		return 0
	}
	return pts[len(pts)-1].Value
}

// Sample loads are shown while they are all there is; once a real load is
// committed, every read leaves them out unless the filter includes them.
func TestSampleDataNeverMixSilently(t *testing.T) {
	ctx := context.Background()
	d := h.DB(t)
	s := analytics.NewService(d.Conn)
	load(t, d, "demo-platforms.csv", samplePlatforms, true)
	load(t, d, "demo-obs.csv", sampleObs, true)
	load(t, d, "demo-targets.csv", "指标,地区,目标年份,目标值\nplatforms_cum,淄博市,2021,9\n", true)

	sm, err := s.Samples(ctx, analytics.Filter{})
	if err != nil || sm != (analytics.Samples{Sample: true, Shown: true}) {
		t.Fatalf("sample only: %+v %v", sm, err)
	}
	if got := cumulative(t, s, analytics.Filter{Grain: "year"}); got != 2 {
		t.Fatalf("sample only: %v platforms, want the 2 sample ones", got)
	}

	load(t, d, "platforms.csv", fxPlatforms, false)
	real := analytics.Filter{Grain: "year"}
	all := analytics.Filter{Grain: "year", IncludeSample: true}
	if sm, _ = s.Samples(ctx, real); sm != (analytics.Samples{Real: true, Sample: true}) || !sm.Switchable() {
		t.Fatalf("real loaded: %+v", sm)
	}
	if sm, _ = s.Samples(ctx, all); !sm.Shown {
		t.Fatalf("included: %+v", sm)
	}
	if got := cumulative(t, s, real); got != 3 {
		t.Errorf("real data: %v platforms, want 3", got)
	}
	if got := cumulative(t, s, all); got != 5 {
		t.Errorf("sample included: %v platforms, want 5", got)
	}
	b, err := s.Breakdown(ctx, "platforms_cum", "district", 0, real)
	if err != nil || b.Total != 3 {
		t.Errorf("breakdown: total %v %v, want 3", b.Total, err)
	}
	rows, err := s.Rows(ctx, "platforms_cum", "", "", real, 1, 50)
	if err != nil || rows.Total != 3 {
		t.Errorf("drill-down rows: %d %v, want 3", rows.Total, err)
	}
	for _, r := range rows.Rows {
		for _, v := range r {
			if name, ok := v.(string); ok && (name == "示例甲" || name == "示例乙") {
				t.Errorf("drill-down shows sample row %v", r)
			}
		}
	}
	tg, err := s.Targets(ctx, 0, real)
	if err != nil || len(tg) != 0 {
		t.Errorf("targets: %+v %v, want none (the only target is sample data)", tg, err)
	}
	if tg, _ = s.Targets(ctx, 0, all); len(tg) != 1 || tg[0].Actual != 5 {
		t.Errorf("targets with sample data: %+v, want one with actual 5", tg)
	}
	ms, err := s.Metrics(ctx, real)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Observation == "示例指标" {
			t.Errorf("a metric only sample data hold is listed: %+v", m)
		}
	}
	if _, err := s.Series(ctx, []string{"obs:示例指标"}, real); err != nil {
		t.Errorf("a sample-only metric must stay known (and show empty): %v", err)
	}
}
