package dashboard_test

import (
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

// postJSON posts body with the session and its CSRF token.
func postJSON(t *testing.T, ts *testServer, target, body string) (int, []byte) {
	t.Helper()
	req := httptest.NewRequest("POST", target, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(auth.CSRFHeader, ts.csrf)
	for _, c := range ts.cookies {
		req.AddCookie(c)
	}
	resp, err := ts.App().Test(req, 60_000)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// TestSavedQueries: an analyst sees their own saved queries and the shared
// ones of others, never another's private one, and deletes only their own.
func TestSavedQueries(t *testing.T) {
	ts := newConsoleServer(t)
	addUser(t, ts.db, "bea", auth.Analyst)
	ts.login(t, "bea")
	postJSON(t, ts, "/api/v1/saved", `{"name": "bea private", "sql": "SELECT 1"}`)
	code, b := postJSON(t, ts, "/api/v1/saved", `{"name": "bea shared", "sql": "SELECT {y:UInt16}", "params": {"y": 2021}, "shared": true}`)
	if code != 201 {
		t.Fatalf("save: %d %s", code, b)
	}
	var shared struct{ ID string }
	_ = json.Unmarshal(b, &shared)
	ts.login(t, "ana")
	postJSON(t, ts, "/api/v1/saved", `{"name": "ana own", "sql": "SELECT 2"}`)
	_, b = getAs(t, ts, "/api/v1/saved", "")
	list := string(b)
	if !strings.Contains(list, "ana own") || !strings.Contains(list, "bea shared") || strings.Contains(list, "bea private") || !strings.Contains(list, `\"y\": 2021`) {
		t.Fatalf("ana's saved list: %s", list)
	}
	if code, _ := postJSON(t, ts, "/api/v1/saved/"+shared.ID+"/delete", ""); code != 404 {
		t.Fatalf("deleting another's shared query: %d", code)
	}
	if code, b := postJSON(t, ts, "/api/v1/saved", `{"name": "", "sql": "SELECT 1"}`); code != 400 {
		t.Fatalf("nameless: %d %s", code, b)
	}
	ts.login(t, "bea")
	if code, _ := postJSON(t, ts, "/api/v1/saved/"+shared.ID+"/delete", ""); code != 204 {
		t.Fatalf("owner deletes: %d", code)
	}
	ts.login(t, "ana")
	if _, b := getAs(t, ts, "/api/v1/saved", ""); strings.Contains(string(b), "bea shared") {
		t.Fatalf("deleted query still listed: %s", b)
	}
	ts.login(t, "leader")
	if code, _ := getAs(t, ts, "/api/v1/saved", ""); code != 403 {
		t.Fatalf("viewer: %d", code)
	}
}
