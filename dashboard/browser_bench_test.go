package dashboard_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// BenchmarkTimeToDrawn opens the overview in headless Chromium with the
// browser cache off, as a leader's first visit, and measures from the
// navigation to every chart finished drawing (ECharts' "finished" event,
// animation included). The target is ≤ 1.0 s; it reports ms/drawn
// and the KB the visit transferred (budget 700 KB). Run with make bench.
func BenchmarkTimeToDrawn(b *testing.B) {
	requireChromium(b)
	tb := newTabWithin(b, startDemoServer(b), 10*time.Minute)
	tb.signIn("viewer")
	tb.setCache(false)
	var total time.Duration
	var kb float64
	for b.Loop() {
		tb.reset()
		start := time.Now()
		ctx, cancel := tb.step()
		if _, err := chromedp.Run(ctx, chromedp.Navigate(tb.base+"/")); err != nil {
			cancel()
			b.Fatalf("open /: %v", err)
		}
		cancel()
		for string(eval[[]byte](tb, chartsReady)) == "false" {
			if time.Since(start) > chartTimeout {
				b.Fatalf("the overview did not finish drawing within %v", chartTimeout)
			}
			time.Sleep(5 * time.Millisecond)
		}
		total += time.Since(start)
		kb += tb.reset().bytes / 1024
	}
	n := float64(b.N)
	b.ReportMetric(float64(total.Milliseconds())/n, "ms/drawn")
	b.ReportMetric(kb/n, "KB/visit")
}
