package dashboard_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/sql/chtest"
)

func TestConsoleRunsAReadWithParams(t *testing.T) {
	ts := newConsoleServer(t)
	code, a, raw := runQuery(t, ts, sqlBody("SELECT number AS n, toString(number) AS s, {name:String} AS who FROM numbers(3) WHERE number < {lim:UInt8}", map[string]any{"name": "O'Brien\\ \"x\"", "lim": 2}), "", "")
	if code != 200 {
		t.Fatalf("status %d: %s", code, raw)
	}
	if len(a.Columns) != 3 || a.Columns[0].Name != "n" || a.Columns[0].Type != "UInt64" || a.Columns[2].Type != "String" {
		t.Fatalf("columns %+v", a.Columns)
	}
	if a.RowCnt != 2 || len(a.Rows) != 2 || a.Rows[1][0] != float64(1) || a.Rows[1][1] != "1" || a.Rows[0][2] != "O'Brien\\ \"x\"" {
		t.Fatalf("rows %v (count %d)", a.Rows, a.RowCnt)
	}
	if a.Trunc || a.QueryID == "" || a.Elapsed == nil {
		t.Fatalf("truncated %v, query id %q, elapsed %v", a.Trunc, a.QueryID, a.Elapsed)
	}
}

func TestConsoleCutsAtMaxRows(t *testing.T) {
	ts := newConsoleServer(t)
	code, a, raw := runQuery(t, ts, map[string]any{"sql": "SELECT number FROM numbers(100000)", "limits": map[string]any{"max_rows": 10}}, "", "")
	if code != 200 || !a.Trunc || a.RowCnt != 10 || len(a.Rows) != 10 {
		t.Fatalf("status %d truncated %v rows %d: %.300s", code, a.Trunc, a.RowCnt, raw)
	}
	code, a, _ = runQuery(t, ts, map[string]any{"sql": "SELECT number FROM numbers(10)", "limits": map[string]any{"max_rows": 10}}, "", "")
	if code != 200 || a.Trunc || a.RowCnt != 10 {
		t.Fatalf("exactly max rows: status %d truncated %v rows %d", code, a.Trunc, a.RowCnt)
	}
}

func TestConsoleExplainsErrors(t *testing.T) {
	ts := newConsoleServer(t)
	code, a, raw := runQuery(t, ts, sqlBody("SELEC 1", nil), "", "")
	if code != 400 || a.Problem.Kind != "syntax" || a.Problem.Position != 7 || !strings.Contains(a.Error, "语法错误") {
		t.Fatalf("syntax: %d %s", code, raw)
	}
	code, a, raw = runQuery(t, ts, sqlBody("SELECT nope FROM numbers(1)", nil), "?lang=en", "")
	if code != 400 || a.Problem.Kind != "unknown_object" || !strings.HasPrefix(a.Error, "Unknown") || strings.Contains(string(raw), "Stack trace") {
		t.Fatalf("unknown column: %d %s", code, raw)
	}
	code, a, raw = runQuery(t, ts, sqlBody("INSERT INTO sources (source_id) VALUES ('x')", nil), "", "")
	if code != 403 || a.Problem.Kind != "readonly" || !strings.Contains(a.Error, "只能执行查询") {
		t.Fatalf("insert: %d %s", code, raw)
	}
	code, _, raw = runQuery(t, ts, sqlBody("  -- nothing\n", nil), "", "")
	if code != 400 {
		t.Fatalf("empty: %d %s", code, raw)
	}
}

func TestConsoleAuditAndHistory(t *testing.T) {
	ts := newConsoleServer(t)
	runQuery(t, ts, sqlBody("SELECT 1 AS ana_ok", nil), "", "")
	runQuery(t, ts, sqlBody("SELEC 2", nil), "", "")
	ts.login(t, "boss")
	runQuery(t, ts, sqlBody("SELECT 3 AS boss_q", nil), "", "")
	code, body := getAs(t, ts, "/api/v1/query/audit", "")
	if code != 200 {
		t.Fatalf("audit as admin: %d %s", code, body)
	}
	var audit struct{ Audit []map[string]any }
	_ = json.Unmarshal(body, &audit)
	if len(audit.Audit) != 3 {
		t.Fatalf("audit has %d rows: %s", len(audit.Audit), body)
	}
	byUser := map[string]int{}
	for _, r := range audit.Audit {
		byUser[r["username"].(string)]++
		if r["sql"] == "SELEC 2" && (r["error_code"] != float64(62) || r["error"] == "") {
			t.Errorf("failed query audited without its error: %v", r)
		}
		if r["sql"] == "SELECT 1 AS ana_ok" && (r["result_rows"] != float64(1) || r["via"] != "web") {
			t.Errorf("ok query audit: %v", r)
		}
	}
	if byUser["ana"] != 2 || byUser["boss"] != 1 {
		t.Fatalf("audit by user %v", byUser)
	}
	ts.login(t, "ana")
	if code, _ := getAs(t, ts, "/api/v1/query/audit", ""); code != 403 {
		t.Fatalf("audit as analyst: %d, want 403", code)
	}
	code, body = getAs(t, ts, "/api/v1/query/history", "")
	if code != 200 || strings.Contains(string(body), "boss_q") || !strings.Contains(string(body), "ana_ok") {
		t.Fatalf("analyst's history: %d %s", code, body)
	}
}

func TestConsoleDownloads(t *testing.T) {
	ts := newConsoleServer(t)
	code, _, raw := runQuery(t, ts, sqlBody("SELECT '=1+1' AS f, -5 AS n, '济南' AS c", nil), "?format=csv", "")
	if code != 200 || string(raw) != "\ufefff,n,c\n'=1+1,-5,济南\n" {
		t.Fatalf("csv: %d %q", code, raw)
	}
	code, _, raw = runQuery(t, ts, sqlBody("SELECT 1", nil), "?format=xlsx", "")
	if code != 200 || !strings.HasPrefix(string(raw), "PK") {
		t.Fatalf("xlsx: %d %.40q", code, raw)
	}
}

func TestConsoleRoles(t *testing.T) {
	ts := newConsoleServer(t)
	ts.login(t, "leader")
	if code, _, raw := runQuery(t, ts, sqlBody("SELECT 1", nil), "", ""); code != 403 {
		t.Fatalf("viewer POST /api/v1/query: %d %s", code, raw)
	}
	if code, _ := getAs(t, ts, "/api/v1/schema", ""); code != 403 {
		t.Fatalf("viewer schema: %d", code)
	}
}

func TestConsoleNotConfigured(t *testing.T) {
	d := h.DB(t)
	s, err := dashboard.New(dashboard.Deps{Conn: d.Conn, Reader: chtest.Open(t, d.Web), Database: d.Name})
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s, db: d}
	addUser(t, d, "ana", "analyst")
	ts.login(t, "ana")
	if code, _, raw := runQuery(t, ts, sqlBody("SELECT 1", nil), "", ""); code != 503 || !strings.Contains(string(raw), "not configured") {
		t.Fatalf("no console pool: %d %s", code, raw)
	}
}

func TestConsoleSchema(t *testing.T) {
	ts := newConsoleServer(t)
	code, body := getAs(t, ts, "/api/v1/schema", "")
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	var sc struct {
		Tables []struct {
			Name    string
			Desc    string
			Columns []struct{ Name, Type, Desc string }
		}
	}
	_ = json.Unmarshal(body, &sc)
	found := false
	for _, tb := range sc.Tables {
		if tb.Name == "platforms_current" {
			found = strings.Contains(tb.Desc, "共建平台") && len(tb.Columns) > 3
		}
	}
	if !found {
		t.Fatalf("no platforms_current with its metric description: %.600s", body)
	}
}
