package dashboard_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/sql/chtest"
)

// newConsoleServer is a server whose console runs on the test database's
// analyst account, with an admin "boss", an analyst "ana" and a viewer
// "leader"; the client is signed in as the analyst.
func newConsoleServer(t *testing.T) *testServer {
	t.Helper()
	d := h.DB(t)
	s, err := dashboard.New(dashboard.Deps{Conn: d.Conn, Reader: chtest.Open(t, d.Web), Console: chtest.Open(t, d.Reader), Database: d.Name, Engine: "embedded"})
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s, db: d}
	addUser(t, d, "boss", auth.Admin)
	addUser(t, d, "ana", auth.Analyst)
	addUser(t, d, "leader", auth.Viewer)
	ts.login(t, "ana")
	return ts
}

// queryAnswer is POST /api/v1/query's JSON, success or refusal.
type queryAnswer struct {
	Columns []struct{ Name, Type string }
	Rows    [][]any
	RowCnt  int    `json:"row_count"`
	Trunc   bool   `json:"truncated"`
	QueryID string `json:"query_id"`
	Elapsed *int64 `json:"elapsed_ms"`
	Error   string `json:"error"`
	Problem struct {
		Kind     string `json:"kind"`
		Code     int32  `json:"code"`
		Position int    `json:"position"`
		Detail   string `json:"detail"`
	} `json:"problem"`
}

// runQuery posts a JSON body to /api/v1/query (with the session's CSRF
// token, or a bearer token when bearer is set) and decodes the answer.
func runQuery(t *testing.T, ts *testServer, body any, query, bearer string) (int, queryAnswer, []byte) {
	t.Helper()
	b, _ := json.Marshal(body)
	req := httptest.NewRequest("POST", "/api/v1/query"+query, strings.NewReader(string(b)))
	req.Header.Set("Content-Type", "application/json")
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	} else {
		req.Header.Set(auth.CSRFHeader, ts.csrf)
		for _, c := range ts.cookies {
			req.AddCookie(c)
		}
	}
	resp, err := ts.App().Test(req, 120_000)
	if err != nil {
		t.Fatalf("POST /api/v1/query: %v", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var a queryAnswer
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(raw, &a); err != nil {
			t.Fatalf("answer is not JSON: %v: %s", err, raw)
		}
	}
	return resp.StatusCode, a, raw
}

// sqlBody is a request body with SQL and optional params.
func sqlBody(sqlText string, params map[string]any) map[string]any {
	b := map[string]any{"sql": sqlText}
	if params != nil {
		b["params"] = params
	}
	return b
}

// getAs fetches target as JSON with the session's cookies (or a bearer token).
func getAs(t *testing.T, ts *testServer, target, bearer string) (int, []byte) {
	t.Helper()
	req := httptest.NewRequest("GET", target, nil)
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	for _, c := range ts.cookies {
		if bearer == "" {
			req.AddCookie(c)
		}
	}
	resp, err := ts.App().Test(req, 60_000)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

var _ = http.StatusOK
