package dashboard_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// indexLayout is what TestBrowserIndexPage measures on the index page.
type indexLayout struct {
	Overflow float64   `json:"overflow"` // page width beyond the window: sideways scrolling
	Years    int       `json:"years"`    // rows of the index-by-year table
	Headings []string  `json:"headings"` // the method note's section headings
	Note     string    `json:"note"`     // the method note as the reader sees it
	Legend   []string  `json:"legend"`   // legend of the headline chart
	Tip      string    `json:"tip"`      // its tooltip at the last year
	Band     []float64 `json:"band"`     // the band's edges at the last year, as the option has them
}

const indexLayoutJS = `(() => {
  const band = echarts.getInstanceByDom(document.getElementById('chart-index-band'));
  return {
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    years: document.querySelectorAll('table.index-years tbody tr').length,
    headings: [...document.querySelectorAll('.method h3')].map(h => h.innerText),
    note: document.querySelector('.method').innerText,
    legend: band.getOption().legend[0].data,
    band: (() => { const b = band.getOption().series[1].corridorBand, i = b.p5.length - 1; return [b.p5[i], b.p95[i]]; })(),
    tip: (() => {
      const n = band.getOption().xAxis[0].data.length;
      band.dispatchAction({type: 'showTip', seriesIndex: 2, dataIndex: n - 1});
      return document.getElementById('chart-index-band').innerText;
    })(),
  };
})()`

// TestBrowserIndexPage opens the index page at a laptop, a phone and a wall
// screen size: the headline chart shows one index line and its band (no
// second aggregate), the page never scrolls sideways (wide tables scroll
// inside their box), the by-year table has a row per year, and the method
// note reads as prose: its seven sections, no Markdown, no code names.
// With CORRIDOR_SCREENSHOTS=<dir> it saves a full-page screenshot of each.
func TestBrowserIndexPage(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("admin")
	for _, vp := range [][2]int64{{1440, 900}, {390, 844}, {1920, 1080}} {
		tb.do("viewport", chromedp.EmulateViewport(vp[0], vp[1]))
		if st := tb.open("/index"); st != 200 {
			t.Fatalf("%dx%d: status %d", vp[0], vp[1], st)
		}
		if n := tb.waitCharts(); n.Have != 4 || n.Want != 4 {
			t.Errorf("%dx%d: %d charts, %d initialised, want 4", vp[0], vp[1], n.Have, n.Want)
		}
		l := eval[indexLayout](tb, indexLayoutJS)
		if l.Overflow > 0 {
			t.Errorf("%dx%d: the page is %.0f px wider than the window", vp[0], vp[1], l.Overflow)
		}
		if l.Years != 9 || len(l.Headings) != 7 {
			t.Errorf("%dx%d: %d year rows (want 9, 2017–2025), note headings %q", vp[0], vp[1], l.Years, l.Headings)
		}
		if strings.Join(l.Legend, "|") != "稳健性区间(P5–P95)|融合指数" {
			t.Errorf("%dx%d: headline chart legend %q, want the index and its band only", vp[0], vp[1], l.Legend)
		}
		// The tooltip gives the band as its edges (P5 – P95), not its width,
		// and no line for the band's lower edge.
		if len(l.Band) != 2 || !strings.Contains(l.Tip, strconv.FormatFloat(l.Band[0], 'f', -1, 64)+" – "+strconv.FormatFloat(l.Band[1], 'f', -1, 64)) || strings.Contains(l.Tip, "区间下限") {
			t.Errorf("%dx%d: tooltip %q, want the band %v as P5 – P95", vp[0], vp[1], l.Tip, l.Band)
		}
		for _, bad := range []string{"##", "**", "platforms_new", "funding_total", "协同指数"} {
			if strings.Contains(l.Note, bad) {
				t.Errorf("%dx%d: the method note shows %q", vp[0], vp[1], bad)
			}
		}
		tb.checkClean(tb.reset())
		if dir := os.Getenv("CORRIDOR_SCREENSHOTS"); dir != "" {
			ctx, cancel := tb.step()
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			cancel()
			if err != nil {
				t.Fatalf("screenshot: %v", err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("index-%dx%d.png", vp[0], vp[1])), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
