package dashboard_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// reportView is what the report page shows and what its form downloads.
type reportView struct {
	NavLink  bool     `json:"navLink"`  // the navigation offers 报告
	Checked  []string `json:"checked"`  // pages ticked by default
	Overflow float64  `json:"overflow"` // px wider than the window
	Status   int      `json:"status"`   // the form's download, as the browser fetches it
	Type     string   `json:"type"`
	Bytes    int      `json:"bytes"`
}

const reportViewJS = `(async () => {
  const f = document.getElementById('report-form');
  const checked = [...f.querySelectorAll('input[name=page]:checked')].map(i => i.value);
  f.querySelector('input[value=xlsx]').checked = true;
  const url = f.action + '?' + new URLSearchParams(new FormData(f)).toString();
  const r = await fetch(url);
  const b = await r.arrayBuffer();
  return {navLink: !!document.querySelector('nav a[href^="/report"]'), checked,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    status: r.status, type: r.headers.get('content-type'), bytes: b.byteLength};
})()`

// An analyst opens 报告 from the navigation, finds the monthly report's
// pages ticked under the page filter, and the form downloads the workbook.
// With CORRIDOR_SCREENSHOTS=<dir> it saves a screenshot of the page.
func TestBrowserReportPage(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("analyst")
	tb.do("viewport", chromedp.EmulateViewport(1440, 900))
	if st := tb.open("/report?from=2019&to=2025&district=370302"); st != 200 {
		t.Fatalf("status %d", st)
	}
	v := eval[reportView](tb, reportViewJS)
	if !v.NavLink || len(v.Checked) != 4 || v.Overflow > 0 {
		t.Errorf("report page: %+v", v)
	}
	if v.Status != 200 || v.Type != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" || v.Bytes < 5000 {
		t.Errorf("the form's download: %d %s, %d bytes", v.Status, v.Type, v.Bytes)
	}
	tb.checkClean(tb.reset())
	if dir := os.Getenv("CORRIDOR_SCREENSHOTS"); dir != "" {
		ctx, cancel := tb.step()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		cancel()
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "report-page-1440x900.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
