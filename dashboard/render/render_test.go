package render_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/dashboard/render"
)

// series builds a two-year series the way analytics returns one.
func series() []analytics.Series {
	m := analytics.Metric{Code: "platforms_new", NameZH: "新增共建平台", NameEN: "New joint platforms", Unit: "个", Type: "flow"}
	y := func(n int) time.Time { return time.Date(n, 1, 1, 0, 0, 0, 0, time.UTC) }
	return []analytics.Series{{Metric: m, Grain: "year", Points: []analytics.Point{
		{Period: "2024", Start: y(2024), Value: 12}, {Period: "2025", Start: y(2025), Value: 17},
	}}}
}

// The SVG of a page's chart keeps its Chinese text as text: series name,
// axis labels (2024年) and values, at the requested size.
func TestTrendToSVG(t *testing.T) {
	ch, err := charts.Trend("t", "新增共建平台", series(), "zh")
	if err != nil {
		t.Fatal(err)
	}
	p := render.NewPool(1)
	svg, err := p.SVG(context.Background(), ch.Option, render.Size{Width: 800, Height: 400})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`width="800"`, `height="400"`, "2024年", "2025年", "<path"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q:\n%.600s", want, svg)
		}
	}
}

// Maps and a sankey draw too; runtimes are reused, never used by two
// charts at once, and a bad option is an error, not a crash.
func TestPoolUnderConcurrency(t *testing.T) {
	ch, err := charts.Choropleth("m", "区县分布", "淄博", map[string]float64{"张店区": 3, "淄川区": 5}, "个", "zh")
	if err != nil {
		t.Fatal(err)
	}
	p := render.NewPool(2)
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			svg, err := p.SVG(context.Background(), ch.Option, render.Size{Width: 600, Height: 500})
			if err == nil && !strings.Contains(svg, "张店区") {
				err = errorf("map SVG without its district names")
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := p.SVG(context.Background(), "{not json", render.Size{Width: 10, Height: 10}); err == nil {
		t.Fatal("a broken option rendered")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	busy := render.NewPool(1)
	if _, err := busy.SVG(ctx, ch.Option, render.Size{Width: 10, Height: 10}); err == nil {
		// a cancelled context may still win a free slot at once; that is fine
		t.Log("cancelled context still rendered: a slot was free")
	}
}

type strErr string

func (e strErr) Error() string { return string(e) }

func errorf(s string) error { return strErr(s) }
