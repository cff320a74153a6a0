package dashboard_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/ingest/demo"
	"github.com/zibo-kj/corridor/sql/chtest"
)

// BenchmarkReport10Charts times a Word report of ten charts of the demo
// data, as /report/download and `corridor export` build it: the pages'
// queries, ten charts drawn by ECharts SSR and rasterised at print
// resolution in Chromium, their tables, the DOCX. The browser is started
// before the timer (0.6 s once per server); time per chart kind is in
// dashboard/render's BenchmarkRender<Kind>.
//
//	go test ./dashboard/ -run '^$' -bench Report10Charts -benchtime 3x
func BenchmarkReport10Charts(b *testing.B) {
	requireChromium(b)
	ctx := context.Background()
	d := h.DB(b)
	if _, err := demo.Load(ctx, d.Conn, b.TempDir(), "test"); err != nil {
		b.Fatal(err)
	}
	s, err := dashboard.New(dashboard.Deps{Conn: d.Conn, Reader: chtest.Open(b, d.Web), Database: d.Name, Engine: "embedded"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(s.Close)
	user := &auth.User{Name: "bench", Role: auth.Analyst}
	spec := dashboard.ReportSpec{Pages: []string{"overview", "platforms", "projects"}, Query: url.Values{"from": {"2019"}, "to": {"2025"}},
		Charts: []string{"trend-platforms", "trend-funding", "trend-contracts", "platforms-trend", "platforms-partner", "platforms-district", "platforms-level", "projects-trend", "funding-flows", "projects-industry"}}
	if _, err := s.Export(ctx, user, dashboard.ReportSpec{Pages: []string{"overview"}, Charts: []string{"trend-funding"}}, "png"); err != nil {
		b.Fatal(err) // starts the browser and a runtime
	}
	b.ResetTimer()
	for range b.N {
		files, err := s.Export(ctx, user, spec, "docx")
		if err != nil || len(files) != 1 {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(files[0].Data))/1e6, "MB")
	}
}
