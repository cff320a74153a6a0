package dashboard_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// browserPages are the pages of the top navigation, in its order.
var browserPages = []string{"/", "/platforms", "/projects", "/network", "/carriers", "/map", "/index", "/data"}

const (
	// firstVisitBudget is the product's limit for what a first visit to /
	// transfers, compressed, with an empty cache.
	firstVisitBudget = 700 << 10
	// minInk is the share of its canvas a drawn chart inks at least. The
	// demo data's sparsest charts (a map, two line charts) ink 3–4 %; a
	// canvas ECharts did not draw on inks none.
	minInk = 0.01
)

// TestBrowserPagesDraw signs in as an admin through the login form and
// opens every page in a real browser: no script error, nothing loaded from
// another host, every chart initialised, finished and visibly drawn. The
// first visit to / also stays within the transfer budget.
func TestBrowserPagesDraw(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("admin")
	outer := t
	for i, path := range browserPages {
		name := strings.TrimPrefix(path, "/")
		if name == "" {
			name = "overview"
		}
		t.Run(name, func(t *testing.T) {
			tb.t = t // failures inside the tab's helpers belong to this page
			defer func() { tb.t = outer }()
			first := i == 0
			if first {
				// The login page already cached the scripts; a first visit
				// to / is measured with the cache off.
				tb.setCache(false)
				defer tb.setCache(true)
			}
			tb.reset()
			if st := tb.open(path); st != 200 {
				t.Fatalf("status %d", st)
			}
			n := tb.waitCharts()
			if n.Have != n.Want {
				t.Errorf("%d .chart elements, app.js initialised %d", n.Have, n.Want)
			}
			if path != "/data" && n.Have == 0 {
				t.Errorf("no chart on the page (demo data should fill it)")
			}
			for _, c := range tb.ink() {
				if c.Canvases == 0 || c.Share < minInk {
					t.Errorf("chart %s looks blank: %d canvas(es), %.2f%% of pixels inked (want ≥ %.0f%%)", c.ID, c.Canvases, 100*c.Share, 100*minInk)
				}
				if !c.HasData {
					t.Errorf("chart %s has no data in its series", c.ID)
				}
			}
			for _, l := range eval[[]string](tb, legendJS) {
				t.Errorf("legend: %s", l)
			}
			r := tb.reset()
			tb.checkClean(r)
			for _, u := range r.urls {
				if !localHost(u) {
					t.Errorf("request to another host: %s", u)
				}
			}
			if first {
				t.Logf("first visit to /: %d requests, %.1f KB transferred (budget %d KB)", len(r.urls), r.bytes/1024, firstVisitBudget>>10)
				if r.bytes > firstVisitBudget {
					t.Errorf("first visit to / transferred %.1f KB, budget %d KB", r.bytes/1024, firstVisitBudget>>10)
				}
			}
		})
	}
}

// legendJS lists, per chart, where its legend and its series disagree: a
// legend entry that names no series (nor a graph category or a pie or
// sankey item), or several named series with no legend to tell them apart.
const legendJS = `(() => {
  const out = [];
  document.querySelectorAll('.chart').forEach(el => {
    const chart = echarts.getInstanceByDom(el);
    if (!chart) return;
    const o = chart.getOption(), series = o.series || [];
    const names = new Set();
    series.forEach(s => {
      if (s.name) names.add(s.name);
      (s.categories || []).forEach(c => names.add(c.name));
      if (['pie', 'funnel'].includes(s.type)) (s.data || []).forEach(d => names.add(d.name));
    });
    const legends = (o.legend || []).filter(l => l.show !== false);
    const shown = [];
    legends.forEach(l => (l.data || []).forEach(d => shown.push(typeof d === 'object' ? d.name : d)));
    shown.forEach(n => { if (!names.has(n)) out.push(el.id + ': legend entry ' + JSON.stringify(n) + ' names no series'); });
    const named = series.filter(s => s.name && !['graph', 'sankey', 'map', 'lines', 'effectScatter', 'scatter', 'radar'].includes(s.type) && s.tooltip?.show !== false && !s.silent);
    if (named.length > 1 && legends.length === 0) out.push(el.id + ': ' + named.length + ' series and no legend');
  });
  return out;
})()`

// TestBrowserLanguageSwitch presses the language button twice: the page
// comes back in English, then in Chinese again.
func TestBrowserLanguageSwitch(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("viewer")
	for _, want := range []struct{ lang, nav string }{{"en", "Overview"}, {"zh-CN", "概览"}} {
		tb.submit("switch language", chromedp.Click(chromedp.ID("lang-switch")))
		if p := tb.path(); p != "/" {
			t.Errorf("after switching to %s: on %s, want /", want.lang, p)
		}
		lang := eval[string](tb, `document.documentElement.lang`)
		nav := eval[string](tb, `document.querySelector('nav.main').textContent`)
		if lang != want.lang || !strings.Contains(nav, want.nav) {
			t.Errorf("after switching: <html lang=%q>, nav %q; want lang %q and %q in the nav", lang, nav, want.lang, want.nav)
		}
	}
	tb.checkClean(tb.reset())
}

// clickFirstBar scrolls the district breakdown into view and returns the
// viewport point of the middle of its first (top) bar, from ECharts' own
// coordinate conversion, so the test clicks where a person would.
const clickFirstBar = `(() => {
	const el = document.getElementById('chart-platforms-district');
	if (!el) return {error: 'no #chart-platforms-district'};
	el.scrollIntoView({block: 'center'});
	const chart = echarts.getInstanceByDom(el);
	if (!chart) return {error: 'no ECharts instance on the chart'};
	const data = chart.getOption().series[0].data;
	const top = data.length - 1; // the first category is drawn at the bottom
	const item = data[top];
	const value = typeof item === 'object' ? item.value : item;
	const [x, y] = chart.convertToPixel({seriesIndex: 0}, [value / 2, top]);
	const box = el.getBoundingClientRect();
	return {x: box.left + x, y: box.top + y, name: String(item.name || '')};
})()`

type barPoint struct {
	X, Y  float64
	Name  string
	Error string
}

// TestBrowserDrillDown clicks the first bar of the platforms-by-district
// chart as an analyst and expects the drill-down page with its rows.
func TestBrowserDrillDown(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("analyst")
	tb.open("/platforms")
	tb.waitCharts()
	p := eval[barPoint](tb, clickFirstBar)
	if p.Error != "" {
		t.Fatal(p.Error)
	}
	if st := tb.submit("click the first bar", chromedp.MouseClickXY(p.X, p.Y)); st != 200 {
		t.Fatalf("drill-down answered %d", st)
	}
	// The bar's name is the district code the drill-down filters on.
	if path := tb.path(); !strings.HasPrefix(path, "/drill?") || !strings.Contains(path, "by=district") || !strings.Contains(path, "value="+p.Name) {
		t.Fatalf("clicking bar %q led to %s, want /drill?…by=district…value=%s", p.Name, path, p.Name)
	}
	rows := eval[int](tb, `document.querySelectorAll('#drill table tbody tr').length`)
	empty := eval[int](tb, `document.querySelectorAll('#drill .empty').length`)
	if rows < 1 || empty > 0 {
		t.Errorf("drill-down for %q: %d rows, %d empty markers; want rows and no empty marker", p.Name, rows, empty)
	}
	tb.checkClean(tb.reset())
}

// TestBrowserLoginLogout walks the session: / sends a stranger to the
// login form, a wrong password is refused with a message, the right one
// lands on /, and logging out closes the session again.
func TestBrowserLoginLogout(t *testing.T) {
	tb := openDashboard(t)
	tb.open("/")
	if p := tb.path(); !strings.HasPrefix(p, "/login") {
		t.Fatalf("anonymous / ended on %s, want /login", p)
	}
	if st := tb.login("admin", "wrong-"+testPassword); st != 401 {
		t.Errorf("wrong password answered %d, want 401", st)
	}
	if msg := eval[string](tb, `(document.querySelector('#login-form .error') || {}).textContent || ''`); !strings.Contains(msg, "用户名或密码错误") {
		t.Errorf("wrong password shows %q, want 用户名或密码错误", msg)
	}
	tb.signIn("admin")
	tb.submit("log out", chromedp.Click(chromedp.ID("logout")))
	if p := tb.path(); p != "/login" {
		t.Errorf("logout led to %s, want /login", p)
	}
	tb.open("/")
	if p := tb.path(); !strings.HasPrefix(p, "/login") {
		t.Errorf("after logout / ended on %s, want /login", p)
	}
	// The refused login answers 401, which the browser logs as a failed load.
	tb.checkClean(tb.reset(), "401 /login")
}

// uploadAttempt posts a file to /data/upload from the page with the page's
// own CSRF token, as a script of a signed-in viewer could, and also sends
// that token where a viewer may post, to show the token itself is good.
const uploadAttempt = `(async () => {
	const token = document.querySelector('input[name="csrf"]').value;
	const form = new FormData();
	form.append('csrf', token);
	form.append('file', new Blob(['平台名称,区县\nX,淄川区\n'], {type: 'text/csv'}), 'x.csv');
	const up = await fetch('/data/upload', {method: 'POST', body: form, headers: {'X-CSRF-Token': token}});
	const lang = await fetch('/lang', {method: 'POST', body: new URLSearchParams({csrf: token, lang: 'zh-CN'}), redirect: 'manual'});
	return {upload: up.status, body: await up.text(), lang: lang.status, langType: lang.type};
})()`

type uploadResult struct {
	Upload   int
	Body     string
	Lang     int
	LangType string
}

// TestBrowserViewerCannotReachAdmin: a viewer gets the 403 page for /data,
// sees no upload form anywhere, and a hand-made upload is refused.
func TestBrowserViewerCannotReachAdmin(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("viewer")
	if st := tb.open("/data"); st != 403 {
		t.Errorf("/data as viewer answered %d, want 403", st)
	}
	body := eval[string](tb, `document.body.innerText`)
	if !strings.Contains(body, "权限不足") {
		t.Errorf("/data as viewer shows %q, want the 权限不足 (forbidden) page", body)
	}
	if n := eval[int](tb, `document.querySelectorAll('#sources, #upload, #review').length`); n > 0 {
		t.Errorf("/data as viewer shows %d parts of the data page", n)
	}
	for _, path := range browserPages[:len(browserPages)-1] {
		tb.open(path)
		forms := eval[int](tb, `document.querySelectorAll('form[action*="/data/"], input[type="file"]').length`)
		if forms > 0 {
			t.Errorf("%s shows a viewer %d upload/admin form element(s)", path, forms)
		}
	}
	r := eval[uploadResult](tb, uploadAttempt)
	if r.Upload != 403 {
		t.Errorf("viewer's POST /data/upload answered %d, want 403: %s", r.Upload, r.Body)
	}
	if !strings.Contains(r.Body, "requires role admin") {
		t.Errorf("upload refused for another reason than the role: %s", r.Body)
	}
	// redirect:"manual" hides the 303 as an opaque redirect; a CSRF refusal
	// would be a plain 403.
	if r.LangType != "opaqueredirect" {
		t.Errorf("the page's CSRF token was not accepted for POST /lang (%d %s), so the upload check proves nothing", r.Lang, r.LangType)
	}
	// The refused requests answer 403, which the browser logs as failed loads.
	tb.checkClean(tb.reset(), "403 /data", "403 /data/upload")
}

// svgOfFirstChart renders the first chart's option to SVG as the page's
// SVG button does (app.js svgExport), and returns the SVG text.
const svgOfFirstChart = `(() => {
	const el = document.querySelector('.chart[data-option]');
	if (!el || !el._option) return 'no initialised chart';
	const box = document.createElement('div');
	box.style.cssText = 'position:absolute;left:-10000px;width:' + el.clientWidth + 'px;height:' + el.clientHeight + 'px';
	document.body.appendChild(box);
	const c = echarts.init(box, null, {renderer: 'svg'});
	const opt = JSON.parse(JSON.stringify(el._option));
	opt.animation = false;
	c.setOption(opt);
	const svg = c.renderToSVGString();
	c.dispose();
	box.remove();
	return svg;
})()`

// TestBrowserSampleMarkInSVG: on the demo data (sample only) the page says
// 示例数据 and so does an SVG exported from its charts.
func TestBrowserSampleMarkInSVG(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("viewer")
	if st := tb.open("/platforms"); st != 200 {
		t.Fatalf("status %d", st)
	}
	tb.waitCharts()
	if banner := eval[bool](tb, `!!document.querySelector('.sample-banner')`); !banner {
		t.Error("no 示例数据 banner on a page of sample data")
	}
	if svg := eval[string](tb, svgOfFirstChart); !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, "示例数据") {
		t.Errorf("exported SVG lacks 示例数据: %.200s", svg)
	}
	tb.checkClean(tb.reset())
}
