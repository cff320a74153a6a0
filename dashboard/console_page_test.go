package dashboard_test

import (
	"io"
	"strings"
	"testing"
)

func TestConsolePage(t *testing.T) {
	ts := newConsoleServer(t)
	runQuery(t, ts, sqlBody("SELECT '<b>x</b>' AS evil", nil), "", "")
	resp := ts.do(t, "GET", "/console", nil)
	b, _ := io.ReadAll(resp.Body)
	page := string(b)
	for _, want := range []string{`id="console-sql"`, `static/console.js`, `href="/console?"`, `SQL 控制台`} {
		if resp.StatusCode != 200 || !strings.Contains(page, want) {
			t.Fatalf("analyst's console page (%d) lacks %s", resp.StatusCode, want)
		}
	}
	if strings.Contains(page, `id="console-audit"`) || strings.Contains(page, `class="filters"`) {
		t.Fatal("analyst sees the audit, or the filter form")
	}
	ts.login(t, "boss")
	b, _ = io.ReadAll(ts.do(t, "GET", "/console", nil).Body)
	if page = string(b); !strings.Contains(page, `id="console-audit"`) || !strings.Contains(page, "&lt;b&gt;x&lt;/b&gt;") || strings.Contains(page, "<b>x</b>") {
		t.Fatal("admin's console page lacks the audit, or shows its SQL as HTML")
	}
	ts.login(t, "leader")
	resp = ts.do(t, "GET", "/console", nil)
	if resp.StatusCode != 403 {
		t.Fatalf("viewer on /console: %d", resp.StatusCode)
	}
	b, _ = io.ReadAll(ts.do(t, "GET", "/", nil).Body)
	if strings.Contains(string(b), `href="/console`) {
		t.Fatal("the viewer's navigation offers the console")
	}
}
