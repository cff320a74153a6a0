package dashboard_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/demo"
	"github.com/zibo-kj/corridor/sql/chtest"
)

// serveKiosk serves a --kiosk dashboard over d on a real TCP port with
// the given rotation and returns its base URL.
func serveKiosk(t *testing.T, d *chtest.DB, rotate time.Duration) string {
	t.Helper()
	logger := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	s, err := dashboard.New(dashboard.Deps{Conn: d.Conn, Reader: chtest.Open(t, d.Web), Database: d.Name, Engine: "embedded", Log: logger,
		Kiosk: true, KioskRotate: rotate})
	if err != nil {
		t.Fatal(err)
	}
	return serveOn(t, s)
}

// demoDB is a fresh database holding the demo data set.
func demoDB(t *testing.T) *chtest.DB {
	t.Helper()
	d := h.DB(t)
	if _, err := demo.Load(context.Background(), d.Conn, t.TempDir(), "test"); err != nil {
		t.Fatal(err)
	}
	return d
}

// wallLayout is what TestBrowserWall measures on the wall.
type wallLayout struct {
	Cover     float64  `json:"cover"`     // share of the window the grid's box covers
	ScrollX   float64  `json:"scrollX"`   // page width beyond the window
	ScrollY   float64  `json:"scrollY"`   // page height beyond the window
	Clipped   []string `json:"clipped"`   // cards reaching out of the window
	KPIs      int      `json:"kpis"`      // tickers
	Units     int      `json:"units"`     // tickers whose value carries a unit
	Lines     int      `json:"lines"`     // lines on the flow map
	Effect    bool     `json:"effect"`    // and they move
	MapW      float64  `json:"mapW"`      // the flow map's share of the window's width
	Legends   []string `json:"legends"`   // legend entries that name no series
	Unlabeled []string `json:"unlabeled"` // flow map series missing from its legend
}

const wallLayoutJS = `(() => {
  const se = document.scrollingElement, W = window.innerWidth, H = window.innerHeight;
  const g = document.getElementById('wall-grid').getBoundingClientRect();
  const cw = Math.max(0, Math.min(g.right, W) - Math.max(g.left, 0)), ch = Math.max(0, Math.min(g.bottom, H) - Math.max(g.top, 0));
  const clipped = [...document.querySelectorAll('.wall-card, .wall-kpi')].filter(el => {
    const r = el.getBoundingClientRect();
    return r.right > W + 1 || r.bottom > H + 1 || r.width < 50 || r.height < 50;
  }).map(el => el.id || el.className);
  const values = [...document.querySelectorAll('.wall-kpi-value')].map(el => el.textContent.trim());
  const legends = [], unlabeled = [];
  let lines = 0, effect = false, mapW = 0;
  document.querySelectorAll('.chart').forEach(el => {
    const opt = echarts.getInstanceByDom(el).getOption();
    const names = new Set();
    (opt.series || []).forEach(s => {
      if (s.name) names.add(s.name);
      if (['pie', 'funnel'].includes(s.type)) (s.data || []).forEach(d => names.add(d.name));
    });
    (opt.legend || []).forEach(l => {
      if (l.show === false) return;
      (l.data || []).forEach(d => { const n = typeof d === 'string' ? d : d.name; if (!names.has(n)) legends.push(el.id + ': ' + n); });
    });
    if (el.id === 'chart-wall-map') {
      mapW = el.getBoundingClientRect().width / W;
      const shown = new Set(((opt.legend || [])[0] || {}).data || []);
      (opt.series || []).forEach(s => {
        if (s.type === 'lines') { lines += (s.data || []).length; effect = !!(s.effect && s.effect.show); }
        if (!shown.has(s.name)) unlabeled.push(s.name);
      });
    }
  });
  return {cover: (cw * ch) / (W * H), scrollX: se.scrollWidth - W, scrollY: se.scrollHeight - H, clipped,
    kpis: values.length, units: values.filter(v => /[个项家人元%]$|^[0-9.]+$/.test(v)).length,
    lines, effect, mapW, legends, unlabeled};
})()`

// TestBrowserWall opens the kiosk's wall at 1920×1080 and 3840×2160: the
// grid fills the screen (≥ 95 % of it, no scrollbars, no card cut off), the
// tickers carry units, every chart is drawn with data and its legend names
// only its series, and the corridor map in the centre has moving lines.
// The desk's map page at 1440×900 has the still flow map. With
// CORRIDOR_SCREENSHOTS=<dir> it saves a screenshot of each.
func TestBrowserWall(t *testing.T) {
	requireChromium(t)
	d := demoDB(t)
	tb := newTab(t, serveKiosk(t, d, -1))
	for _, vp := range [][2]int64{{1920, 1080}, {3840, 2160}} {
		tb.do("viewport", chromedp.EmulateViewport(vp[0], vp[1]))
		for _, path := range []string{"/", "/wall?scene=2"} {
			size := fmt.Sprintf("%dx%d %s", vp[0], vp[1], path)
			if st := tb.open(path); st != 200 {
				t.Fatalf("%s: status %d", size, st)
			}
			if n := tb.waitCharts(); n.Have != 5 || n.Want != 5 {
				t.Errorf("%s: %d charts, %d initialised, want 5 (the map and four beside it)", size, n.Have, n.Want)
			}
			for _, c := range tb.ink() {
				if !c.HasData || c.Share < 0.01 {
					t.Errorf("%s: chart %s drawn %.3f of its canvas, data %v", size, c.ID, c.Share, c.HasData)
				}
			}
			l := eval[wallLayout](tb, wallLayoutJS)
			if l.Cover < 0.95 || l.ScrollX > 0 || l.ScrollY > 0 || len(l.Clipped) > 0 {
				t.Errorf("%s: the grid covers %.1f%% of the screen, scrolls %.0f×%.0f px, cut off: %v", size, 100*l.Cover, l.ScrollX, l.ScrollY, l.Clipped)
			}
			if l.KPIs < 6 || l.Units != l.KPIs {
				t.Errorf("%s: %d tickers, %d with a unit", size, l.KPIs, l.Units)
			}
			if l.Lines == 0 || !l.Effect || l.MapW < 0.4 {
				t.Errorf("%s: flow map %d lines, moving %v, %.0f%% of the width", size, l.Lines, l.Effect, 100*l.MapW)
			}
			if len(l.Legends) > 0 || len(l.Unlabeled) > 0 {
				t.Errorf("%s: legend entries without a series %v, map series without a legend entry %v", size, l.Legends, l.Unlabeled)
			}
			tb.checkClean(tb.reset())
			name := "home"
			if n, ok := strings.CutPrefix(path, "/wall?scene="); ok {
				name = "scene" + n
			}
			shot(t, tb, fmt.Sprintf("wall-%dx%d-%s.png", vp[0], vp[1], name))
		}
	}
	// The desk: the map page's Shandong map is the flow map, still.
	dk := newTab(t, serveKiosk(t, d, -1))
	dk.do("viewport", chromedp.EmulateViewport(1440, 900))
	if st := dk.open("/map"); st != 200 {
		t.Fatalf("/map: status %d", st)
	}
	dk.waitCharts()
	desk := eval[struct {
		Lines  int  `json:"lines"`
		Effect bool `json:"effect"`
		Legend bool `json:"legend"`
	}](dk, `(() => {
	  const opt = echarts.getInstanceByDom(document.getElementById('chart-map-corridor')).getOption();
	  const lines = opt.series.find(s => s.type === 'lines');
	  const legend = (opt.legend[0].data || []).join('|') === opt.series.map(s => s.name).join('|');
	  return {lines: lines.data.length, effect: !!(lines.effect && lines.effect.show), legend};
	})()`)
	if desk.Lines == 0 || desk.Effect || !desk.Legend {
		t.Errorf("desk flow map: %d lines, moving %v, legend matches series %v", desk.Lines, desk.Effect, desk.Legend)
	}
	dk.checkClean(dk.reset())
	shot(t, dk, "map-1440x900.png")
	if os.Getenv("CORRIDOR_SCREENSHOTS") != "" { // the flow map on a phone, to look at
		dk.do("viewport", chromedp.EmulateViewport(390, 844))
		dk.open("/map")
		dk.waitCharts()
		dk.do("scroll to the flow map", chromedp.ScrollIntoView(chromedp.ID("card-map-corridor")))
		shot(t, dk, "map-390x844.png")
	}
}

// TestBrowserWallMoves: the wall goes to its next scene after the rotation
// interval, and reloads itself when a load changes the data.
func TestBrowserWallMoves(t *testing.T) {
	requireChromium(t)
	d := demoDB(t)
	tb := newTab(t, serveKiosk(t, d, 2*time.Second))
	tb.open("/")
	tb.waitCharts()
	deadline := time.Now().Add(15 * time.Second)
	for tb.path() != "/wall?scene=1" {
		if time.Now().After(deadline) {
			t.Fatalf("after 15 s the wall is still at %s, want /wall?scene=1 (rotation every 2 s)", tb.path())
		}
		time.Sleep(200 * time.Millisecond)
	}

	still := newTab(t, serveKiosk(t, d, -1))
	still.open("/")
	still.waitCharts()
	eval[bool](still, `window.corridorMark = true`)
	p := filepath.Join(t.TempDir(), "p.csv")
	if err := os.WriteFile(p, []byte("平台名称,级别,合作单位,依托单位,区县,共建时间\n新平台,市级,山东大学,戊公司,周村区,2024-02-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p}); err != nil {
		t.Fatal(err)
	}
	deadline = time.Now().Add(30 * time.Second) // the wall asks every 15 s
	for eval[bool](still, `window.corridorMark === true`) {
		if time.Now().After(deadline) {
			t.Fatal("the wall did not reload within 30 s of a load")
		}
		time.Sleep(500 * time.Millisecond)
	}
	still.waitCharts()
	still.checkClean(still.reset())
}
