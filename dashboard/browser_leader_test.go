package dashboard_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserFilterSurvivesNavigation applies a filter with the page's own
// form, then follows every tab of the navigation: each opens (no "400
// unknown parameter") and keeps the filter in its address and form.
func TestBrowserFilterSurvivesNavigation(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("viewer")
	tb.open("/platforms")
	tb.do("fill the filter",
		chromedp.SetValue(chromedp.CSS(`form.filters input[name="from"]`), "2019"),
		chromedp.SetValue(chromedp.CSS(`form.filters select[name="district"]`), "370302"),
	)
	if st := tb.submit("apply the filter", chromedp.Click(chromedp.CSS(`form.filters button[type="submit"]`))); st != 200 {
		t.Fatalf("applying the filter answered %d", st)
	}
	tabs := eval[[]string](tb, `[...document.querySelectorAll('nav.main a')].map(a => a.getAttribute('href'))`)
	if len(tabs) < 7 {
		t.Fatalf("navigation has %d tabs: %q", len(tabs), tabs)
	}
	for i := range tabs {
		sel := `nav.main a:nth-child(` + string(rune('1'+i)) + `)`
		st := tb.submit("click tab "+tabs[i], chromedp.Click(chromedp.CSS(sel)))
		p := tb.path()
		if st != 200 || !strings.Contains(p, "district=370302") || !strings.Contains(p, "from=2019") {
			t.Errorf("tab %s: %d at %s, want 200 with district=370302 and from=2019", tabs[i], st, p)
		}
		if d := eval[string](tb, `document.querySelector('form.filters select[name="district"]').value`); d != "370302" {
			t.Errorf("tab %s: the filter form shows district %q", tabs[i], d)
		}
	}
	tb.checkClean(tb.reset())
}

// TestBrowserViewerClickShowsNames: a leader clicks a bar and sees the
// platforms behind it by name on a page of the site, with no row export.
func TestBrowserViewerClickShowsNames(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("viewer")
	tb.open("/platforms")
	tb.waitCharts()
	p := eval[barPoint](tb, clickFirstBar)
	if p.Error != "" {
		t.Fatal(p.Error)
	}
	if st := tb.submit("click the first bar", chromedp.MouseClickXY(p.X, p.Y)); st != 200 {
		t.Fatalf("a viewer's click answered %d, want the named items", st)
	}
	if path := tb.path(); !strings.HasPrefix(path, "/drill?") {
		t.Fatalf("the click led to %s", path)
	}
	rows := eval[int](tb, `document.querySelectorAll('#drill table tbody tr:not(:has(.empty))').length`)
	head := eval[string](tb, `document.querySelector('#drill thead').textContent`)
	exports := eval[int](tb, `document.querySelectorAll('#drill a[href*="format="]').length`)
	styled := eval[bool](tb, `!!document.querySelector('header.top nav.main') && getComputedStyle(document.querySelector('#drill')).borderRadius !== '0px'`)
	if rows < 1 || !strings.Contains(head, "名称") || strings.Contains(head, "source_id") || exports != 0 || !styled {
		t.Errorf("viewer's drill-down: %d rows, header %q, %d export links, styled %v; want rows by name, no exports, the site's page", rows, head, exports, styled)
	}
	tb.checkClean(tb.reset())
}
