package dashboard_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserConsole: an analyst types a query, runs it with Ctrl+Enter,
// sees the grid and its row count, marks a syntax error, and cancels a
// long query.
func TestBrowserConsole(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("analyst")
	if st := tb.open("/console"); st != 200 {
		t.Fatalf("/console: %d", st)
	}
	const q = "SELECT toYear(established) AS y, count() AS n FROM platforms_current GROUP BY y ORDER BY y"
	tb.do("type a query", chromedp.SendKeys(chromedp.CSS("#console-sql"), q))
	eval[bool](tb, `document.getElementById('console-sql').dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', ctrlKey: true, bubbles: true}))`)
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
	// A syntax error is explained and marked in the editor.
	eval[bool](tb, `(document.getElementById('console-sql').value = 'SELECT 1 +', true)`)
	tb.do("run a broken query", chromedp.Click(chromedp.CSS("#console-run")))
	tb.do("wait for the error", chromedp.WaitVisible(chromedp.CSS("#console-status.error")))
	if s := eval[string](tb, `document.getElementById('console-status').textContent`); !strings.Contains(s, "语法错误") {
		t.Fatalf("syntax error status %q", s)
	}
	// Cancel a query that would run 20 s.
	eval[bool](tb, `(document.getElementById('console-sql').value = 'SELECT sleepEachRow(0.5) FROM numbers(40) SETTINGS max_block_size = 1', true)`)
	tb.do("run a long query", chromedp.Click(chromedp.CSS("#console-run")))
	time.Sleep(500 * time.Millisecond)
	tb.do("cancel it", chromedp.Click(chromedp.CSS("#console-cancel")))
	tb.do("wait for the run button", chromedp.WaitEnabled(chromedp.CSS("#console-run")))
	if s := eval[string](tb, `document.getElementById('console-status').textContent`); s != "查询已取消" {
		t.Fatalf("after cancel: status %q", s)
	}
	if n := eval[int](tb, `document.querySelectorAll('#console-schema details').length`); n < 5 {
		t.Fatalf("schema browser lists %d tables", n)
	}
	if n := eval[int](tb, `document.querySelectorAll('#console-history li').length`); n < 2 {
		t.Fatalf("history lists %d queries", n)
	}
	tb.checkClean(tb.reset(), "400 /api/v1/query")
}
