package dashboard_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// phoneLayout is what TestBrowserPhone measures on a page.
type phoneLayout struct {
	Overflow float64 `json:"overflow"` // page width beyond the window: sideways scrolling
	Wide     string  `json:"wide"`     // the widest element sticking out, if any
	NavShown bool    `json:"navShown"` // the navigation is visible
	Toggle   bool    `json:"toggle"`   // the menu button is visible
}

const phoneLayoutJS = `(() => {
  const se = document.scrollingElement, w = window.innerWidth;
  let wide = '';
  document.querySelectorAll('body *').forEach(el => {
    const r = el.getBoundingClientRect();
    if (!wide && r.right > w + 1 && !el.closest('.scroll')) wide = el.tagName + '.' + el.className + ' ' + Math.round(r.right);
  });
  const vis = el => !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
  return {overflow: se.scrollWidth - w, wide, navShown: vis(document.querySelector('nav.main')), toggle: vis(document.getElementById('menu-toggle'))};
})()`

// TestBrowserPhone opens every page at 390×844 (a phone): the page never
// scrolls sideways (wide tables scroll inside their card), and the menu
// is folded behind a button that opens it.
func TestBrowserPhone(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("admin")
	tb.do("viewport", chromedp.EmulateViewport(390, 844))
	for _, p := range append(browserPages, "/drill?metric=platforms_cum&by=district&value=370303") {
		if st := tb.open(p); st != 200 {
			t.Fatalf("%s: status %d", p, st)
		}
		tb.waitCharts()
		l := eval[phoneLayout](tb, phoneLayoutJS)
		if l.Overflow > 0 {
			t.Errorf("%s: the page is %.0f px wider than the phone (%s)", p, l.Overflow, l.Wide)
		}
		if l.NavShown || !l.Toggle {
			t.Errorf("%s: navigation shown %v, menu button shown %v; want the menu folded behind the button", p, l.NavShown, l.Toggle)
		}
	}
	tb.do("open the menu", chromedp.Click(chromedp.ID("menu-toggle")))
	if l := eval[phoneLayout](tb, phoneLayoutJS); !l.NavShown || l.Overflow > 0 {
		t.Errorf("after the menu button: navigation shown %v, overflow %.0f", l.NavShown, l.Overflow)
	}
	tb.checkClean(tb.reset())
}
