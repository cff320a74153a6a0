package dashboard_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// untranslatedJS lists the page's own words that are in the wrong language:
// with lang "en", any Han character; with "zh", any Latin word of three or
// more letters not in the allowed list (format names, the product's name).
// It reads what the product writes — navigation, headings, labels, buttons,
// options, table headers, notes, notices, placeholders, titles and each
// chart's title, legend, series and axis names — and leaves out what the
// data write (table cells, code such as {year:UInt16} and /api/v1/, chart categories, user and file names, the
// language switch, which names the other language, and the sample mark,
// which is bilingual on purpose).
const untranslatedJS = `((lang) => {
  const allowed = new Set(['CSV','XLSX','SVG','PNG','SQL','API','Corridor','ECharts','ClickHouse','JSON','URL','Enter','Ctrl','Cmd','Token','Bearer','ID','OECD','JRC','Python','Excel','Power','Query','Authorization','UInt','exp','min','max']);
  const bad = s => {
    s = String(s || '').replace(/示例数据 · Sample data/g, '');
    if (lang !== 'en') s = s.replace(/\{[^}]*\}|\/[\w/.-]+/g, ''); // SQL parameters and paths are code
    if (lang === 'en') return /[\u3400-\u9fff]/.test(s);
    return (s.match(/[A-Za-z]{3,}/g) || []).some(w => !allowed.has(w));
  };
  const skip = el => el.closest('td, code, pre, .who, #lang-switch, #console-schema, .CodeMirror, .cm-editor, textarea');
  const out = [];
  const sel = 'nav, h1, h2, h3, label, button, th, option, .note, .notice, .sample-banner, .badge, .empty, .card header, footer, p, summary, legend, a';
  document.querySelectorAll(sel).forEach(el => {
    if (skip(el)) return;
    let own = '';
    el.childNodes.forEach(n => { if (n.nodeType === 3) own += n.textContent; });
    if (el.tagName === 'OPTION' && el.closest('select[name="district"], select[name="partner"]')) return; // places are data
    if (bad(own.trim())) out.push(el.tagName.toLowerCase() + ': ' + own.trim().slice(0, 80));
  });
  document.querySelectorAll('[placeholder], [title], [aria-label]').forEach(el => {
    if (skip(el) || el.hasAttribute('data-code')) return; // a column's name in the database, for SQL
    for (const a of ['placeholder', 'title', 'aria-label']) {
      const v = el.getAttribute(a);
      if (v && bad(v) && !(a === 'title' && el.classList.contains('chart'))) out.push(el.tagName.toLowerCase() + '[' + a + ']: ' + v.slice(0, 80));
    }
  });
  document.querySelectorAll('.chart').forEach(el => {
    const chart = window.echarts && echarts.getInstanceByDom(el);
    if (!chart) return;
    const o = chart.getOption();
    const texts = [];
    (o.title || []).forEach(t => texts.push(t.text, t.subtext));
    (o.legend || []).forEach(l => (l.data || []).forEach(d => texts.push(typeof d === 'object' ? d.name : d)));
    (o.series || []).forEach(s => { if (!['graph', 'sankey', 'pie', 'map', 'lines', 'tree', 'treemap', 'funnel'].includes(s.type)) texts.push(s.name); });
    [].concat(o.xAxis || [], o.yAxis || [], o.radiusAxis || []).forEach(a => texts.push(a.name));
    (o.radar || []).forEach(r => (r.indicator || []).forEach(i => texts.push(i.name)));
    texts.forEach(t => { if (bad(t)) out.push('chart ' + el.id + ': ' + String(t).slice(0, 80)); });
  });
  return out;
})`

// TestBrowserNoUntranslatedStrings walks every page in Chinese and in
// English and fails on any word of the product's own in the other language
// (untranslatedJS says what is read and what is data).
func TestBrowserNoUntranslatedStrings(t *testing.T) {
	tb := openDashboard(t)
	walk := func(lang, p string) {
		tb.waitCharts()
		for _, w := range eval[[]string](tb, untranslatedJS+"('"+lang+"')") {
			t.Errorf("%s %s: %s", lang, p, w)
		}
	}
	tb.open("/login")
	walk("zh", "/login")
	tb.submit("switch language", chromedp.Click(chromedp.ID("lang-switch")))
	walk("en", "/login")
	tb.submit("switch language", chromedp.Click(chromedp.ID("lang-switch")))
	tb.signIn("admin")
	pages := append(append([]string{}, browserPages...), "/drill?metric=platforms_cum&by=district&value=370303", "/users", "/console", "/tokens")
	for _, lang := range []string{"zh", "en"} {
		if lang == "en" {
			tb.submit("switch language", chromedp.Click(chromedp.ID("lang-switch")))
		}
		for _, p := range pages {
			if st := tb.open(p); st != 200 {
				t.Errorf("%s %s: status %d", lang, p, st)
				continue
			}
			walk(lang, p)
		}
	}
	tb.checkClean(tb.reset())
}
