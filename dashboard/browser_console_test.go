package dashboard_test

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// editorJS reaches the console's CodeMirror editor.
const editorJS = `document.querySelector('#console .CodeMirror').CodeMirror`

// TestBrowserConsole: an analyst types a query into the editor (completion
// offers our tables), runs it with Ctrl+Enter, sees the grid and its row
// count, charts it as bars and as a pie, downloads the CSV, reopens it from
// its shared link, sees a syntax error marked and an unknown column
// corrected, and cancels a long query. With CORRIDOR_SCREENSHOTS=<dir> it
// saves the console at 1440×900 and 390×844.
func TestBrowserConsole(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("analyst")
	tb.do("viewport", chromedp.EmulateViewport(1440, 900))
	if st := tb.open("/console"); st != 200 {
		t.Fatalf("/console: %d", st)
	}
	tb.waitFor("the schema browser", `document.querySelectorAll('#console-schema details').length >= 5`)
	if !eval[bool](tb, `!!document.querySelector('#console .CodeMirror .cm-keyword') || !!document.querySelector('#console .CodeMirror')`) {
		t.Fatal("no CodeMirror editor on the console")
	}

	// Type with real key events; completion offers the table being typed.
	tb.do("focus the editor", chromedp.Click(chromedp.CSS("#console .CodeMirror-lines")))
	tb.do("type a query", chromedp.KeyEvent("SELECT toYear(established) AS y, count() AS n FROM platf"))
	tb.waitFor("the completion list", `[...document.querySelectorAll('.CodeMirror-hint')].some(li => li.textContent === 'platforms_current')`)
	tb.do("finish typing", chromedp.KeyEvent("orms_current GROUP BY y ORDER BY y"))
	tb.do("close the completion", chromedp.KeyEvent("\u001b")) // Escape
	if n := eval[int](tb, `document.querySelectorAll('#console .CodeMirror .cm-keyword').length`); n < 5 {
		t.Fatalf("the editor highlights %d keywords", n)
	}
	tb.do("run with Ctrl+Enter", chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	tb.do("wait for the grid", chromedp.WaitVisible(chromedp.CSS("#console-grid tbody tr")))
	rows := eval[int](tb, `document.querySelectorAll('#console-grid tbody tr').length`)
	head := eval[string](tb, `Array.from(document.querySelectorAll('#console-grid th')).map(th => th.textContent).join(',')`)
	status := eval[string](tb, `document.getElementById('console-status').textContent`)
	if rows < 3 || head != "y,n" || !strings.HasPrefix(status, strconv.Itoa(rows)+" 行") {
		t.Fatalf("grid: %d rows, header %q, status %q", rows, head, status)
	}
	if eval[bool](tb, `document.getElementById('console-csv').disabled`) {
		t.Fatal("CSV download not offered after a result")
	}

	// Chart this: bars of n by y, then a pie; both drawn with data.
	tb.do("draw bars", chromedp.Click(chromedp.CSS("#console-chart-draw")))
	tb.waitFor("the bar chart", `document.getElementById('console-chart').dataset.rendered === '1'`)
	ink := tb.ink()
	if len(ink) != 1 || !ink[0].HasData || ink[0].Share < 0.005 {
		t.Fatalf("bar chart ink %+v", ink)
	}
	if s := eval[string](tb, `echarts.getInstanceByDom(document.getElementById('console-chart')).getOption().series.map(s => s.type + ':' + s.name + ':' + s.data.length).join()`); s != "bar:n:"+strconv.Itoa(rows) {
		t.Fatalf("bar series %q", s)
	}
	if eval[bool](tb, `document.getElementById('console-chart-svg').hidden`) {
		t.Fatal("no SVG export beside the chart")
	}
	shot(t, tb, "console-1440x900.png")
	eval[bool](tb, `(document.getElementById('console-chart-type').value = 'pie', true)`)
	tb.do("draw a pie", chromedp.Click(chromedp.CSS("#console-chart-draw")))
	tb.waitFor("the pie chart", `(() => { const c = echarts.getInstanceByDom(document.getElementById('console-chart')); return !!c && c.getOption().series[0].type === 'pie' && document.getElementById('console-chart').dataset.rendered === '1'; })()`)

	// Download CSV: the blob the page saves is the result, with a BOM.
	eval[bool](tb, `(() => { window.__blobs = []; const o = URL.createObjectURL; URL.createObjectURL = b => { window.__blobs.push(b); return o.call(URL, b); }; return true; })()`)
	tb.do("download CSV", chromedp.Click(chromedp.CSS("#console-csv")))
	tb.waitFor("the CSV blob", `window.__blobs.length > 0`)
	// Blob.text() drops a BOM, so the bytes are read.
	csv := eval[string](tb, `window.__blobs[0].arrayBuffer().then(b => new TextDecoder('utf-8', {ignoreBOM: true}).decode(b))`)
	lines := strings.Split(strings.TrimSpace(csv), "\n")
	if !strings.HasPrefix(csv, "\ufeffy,n\n") || len(lines) != rows+1 {
		t.Fatalf("CSV has %d lines for %d rows: %.80q", len(lines), rows, csv)
	}

	// The address bar now holds the query: opening it fills the editor.
	query := eval[string](tb, editorJS+`.getValue()`)
	link := eval[string](tb, `location.pathname + location.search`)
	if !strings.HasPrefix(link, "/console?q=") {
		t.Fatalf("shareable link %q", link)
	}
	if st := tb.open(link); st != 200 {
		t.Fatalf("open %s: %d", link, st)
	}
	tb.waitFor("the editor", `!!document.querySelector('#console .CodeMirror')`)
	if got := eval[string](tb, editorJS+`.getValue()`); got != query {
		t.Fatalf("the shared link opened %q, want %q", got, query)
	}

	// A saved query has its own link, /console?saved=ID.
	tb.do("name the query", chromedp.SendKeys(chromedp.CSS("#console-save-name"), "平台按年"))
	tb.do("save it", chromedp.Click(chromedp.CSS("#console-save")))
	tb.waitFor("the saved list", `document.querySelectorAll('#console-saved li').length === 1`)
	id := eval[string](tb, `fetch('/api/v1/saved').then(r => r.json()).then(j => j.saved[0].id)`)
	if st := tb.open("/console?saved=" + url.QueryEscape(id)); st != 200 {
		t.Fatalf("open the saved query's link: %d", st)
	}
	tb.waitFor("the saved query in the editor", `!!document.querySelector('#console .CodeMirror') && `+editorJS+`.getValue() === `+strconv.Quote(query))

	// A syntax error is explained and its place marked in the editor.
	eval[bool](tb, `(`+editorJS+`.setValue('SELECT 1 +'), true)`)
	tb.do("run a broken query", chromedp.Click(chromedp.CSS("#console-run")))
	tb.do("wait for the error", chromedp.WaitVisible(chromedp.CSS("#console-status.error")))
	if s := eval[string](tb, `document.getElementById('console-status').textContent`); !strings.Contains(s, "语法错误") {
		t.Fatalf("syntax error status %q", s)
	}
	if n := eval[int](tb, `document.querySelectorAll('#console .console-errmark').length`); n == 0 {
		t.Fatal("the syntax error's place is not marked")
	}

	// An unknown column offers the meant one, which replaces it.
	eval[bool](tb, `(`+editorJS+`.setValue('SELECT district_cod, count() FROM platforms_current GROUP BY district_cod'), true)`)
	tb.do("run with a misspelt column", chromedp.Click(chromedp.CSS("#console-run")))
	tb.do("wait for the suggestion", chromedp.WaitVisible(chromedp.CSS("#console-meant button")))
	if s := eval[string](tb, `document.querySelector('#console-meant button').textContent`); s != "改为 district_code" {
		t.Fatalf("suggestion %q", s)
	}
	tb.do("take the suggestion", chromedp.Click(chromedp.CSS("#console-meant button")))
	if got := eval[string](tb, editorJS+`.getValue()`); got != "SELECT district_code, count() FROM platforms_current GROUP BY district_code" {
		t.Fatalf("after the suggestion: %q", got)
	}

	// Cancel a query that would run 20 s.
	eval[bool](tb, `(`+editorJS+`.setValue('SELECT sleepEachRow(0.5) FROM numbers(40) SETTINGS max_block_size = 1'), true)`)
	tb.do("run a long query", chromedp.Click(chromedp.CSS("#console-run")))
	time.Sleep(500 * time.Millisecond)
	tb.do("cancel it", chromedp.Click(chromedp.CSS("#console-cancel")))
	tb.do("wait for the run button", chromedp.WaitEnabled(chromedp.CSS("#console-run")))
	if s := eval[string](tb, `document.getElementById('console-status').textContent`); s != "查询已取消" {
		t.Fatalf("after cancel: status %q", s)
	}
	if n := eval[int](tb, `document.querySelectorAll('#console-history li').length`); n < 2 {
		t.Fatalf("history lists %d queries", n)
	}
	tb.checkClean(tb.reset(), "400 /api/v1/query")

	// On a phone the console fits the width; the chart still draws.
	tb.do("phone viewport", chromedp.EmulateViewport(390, 844))
	if st := tb.open("/console?q=" + url.QueryEscape(query)); st != 200 {
		t.Fatalf("/console on a phone: %d", st)
	}
	tb.waitFor("the schema browser", `document.querySelectorAll('#console-schema details').length >= 5`)
	tb.do("run", chromedp.Click(chromedp.CSS("#console-run")))
	tb.do("wait for the grid", chromedp.WaitVisible(chromedp.CSS("#console-grid tbody tr")))
	tb.do("draw", chromedp.Click(chromedp.CSS("#console-chart-draw")))
	tb.waitFor("the chart", `document.getElementById('console-chart').dataset.rendered === '1'`)
	if over := eval[float64](tb, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
		t.Errorf("390×844: the console is %.0f px wider than the window", over)
	}
	shot(t, tb, "console-390x844.png")
	tb.checkClean(tb.reset())
}

// waitFor polls a JavaScript condition until it holds, failing the test
// after actionTimeout with what was awaited.
func (tb *tab) waitFor(what, cond string) {
	tb.t.Helper()
	deadline := time.Now().Add(actionTimeout)
	for !eval[bool](tb, cond) {
		if time.Now().After(deadline) {
			tb.t.Fatalf("waiting for %s: %s never held", what, cond)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// shot saves a full-page screenshot into $CORRIDOR_SCREENSHOTS, if set.
func shot(t *testing.T, tb *tab, name string) {
	t.Helper()
	dir := os.Getenv("CORRIDOR_SCREENSHOTS")
	if dir == "" {
		return
	}
	ctx, cancel := tb.step()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	cancel()
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(fmt.Errorf("screenshot: %w", err))
	}
}
