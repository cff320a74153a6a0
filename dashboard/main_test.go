package dashboard_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/sql/chtest"
)

var (
	h      *chtest.Harness
	update = flag.Bool("update", false, "rewrite golden files")
)

func TestMain(m *testing.M) { os.Exit(chtest.Run(m, &h)) }

const fxPlatforms = `平台名称,级别,合作单位,依托单位,区县,共建时间
A,市级,山东大学,甲公司,淄川区,2019-03-10
B,省级,山东大学、济南大学,乙公司,张店区,2019-11-02
C,市级,济大,甲公司,淄川区,2021-05-05
`

// testServer is a server on a fresh database with a signed-in client.
type testServer struct {
	*dashboard.Server
	cookies []*http.Cookie
	csrf    string
	db      *chtest.DB
}

// newServer loads fixture files into a fresh database, builds a server on
// it and signs in as an admin.
func newServer(t *testing.T, files map[string]string) *testServer {
	t.Helper()
	s, d := newAnonServer(t, files, false)
	ts := &testServer{Server: s, db: d}
	addUser(t, d, "boss", auth.Admin)
	ts.login(t, "boss")
	return ts
}

const testPassword = "correct-horse-battery"

func addUser(t testing.TB, d *chtest.DB, name string, role auth.Role) {
	t.Helper()
	if err := (&auth.Store{Conn: d.Conn}).Add(context.Background(), name, testPassword, role); err != nil {
		t.Fatal(err)
	}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// login signs in through the real form (GET for the CSRF token, then POST).
func (ts *testServer) login(t *testing.T, name string) {
	t.Helper()
	ts.cookies = nil
	resp := ts.do(t, "GET", "/login", nil)
	body, _ := io.ReadAll(resp.Body)
	m := csrfField.FindSubmatch(body)
	if m == nil {
		t.Fatalf("login page has no csrf field: %s", body)
	}
	form := url.Values{"username": {name}, "password": {testPassword}, "csrf": {string(m[1])}, "next": {"/"}}
	resp = ts.do(t, "POST", "/login", strings.NewReader(form.Encode()))
	if resp.StatusCode != 303 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("login %s: %d %s", name, resp.StatusCode, b)
	}
	resp = ts.do(t, "GET", "/", nil)
	body, _ = io.ReadAll(resp.Body)
	if m := csrfField.FindSubmatch(body); m != nil {
		ts.csrf = string(m[1])
	}
}

// do sends a request with the client's cookies and keeps the ones it sets.
func (ts *testServer) do(t *testing.T, method, target string, body io.Reader) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	if !strings.HasPrefix(target, "/api/") {
		req.Header.Set("Accept", "text/html")
	}
	if method == "POST" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, c := range ts.cookies {
		req.AddCookie(c)
	}
	resp, err := ts.App().Test(req, 60_000)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	for _, c := range resp.Cookies() {
		ts.setCookie(c)
	}
	return resp
}

func (ts *testServer) setCookie(c *http.Cookie) {
	for i, old := range ts.cookies {
		if old.Name == c.Name {
			ts.cookies[i] = c
			return
		}
	}
	ts.cookies = append(ts.cookies, c)
}

// newAnonServer builds a server on a fresh database, signed in as nobody.
func newAnonServer(t *testing.T, files map[string]string, kiosk bool) (*dashboard.Server, *chtest.DB) {
	t.Helper()
	d := h.DB(t)
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p}); err != nil {
			t.Fatalf("load %s: %v", name, err)
		}
	}
	s, err := dashboard.New(dashboard.Deps{Conn: d.Conn, Reader: chtest.Open(t, d.Web), Database: d.Name, Engine: "embedded", Restarts: h.Engine.Restarts, Kiosk: kiosk})
	if err != nil {
		t.Fatal(err)
	}
	return s, d
}

// get fetches an API URL as JSON with the client's session.
func get(t *testing.T, ts *testServer, target string) (int, []byte) {
	t.Helper()
	req := httptest.NewRequest("GET", target, nil)
	for _, c := range ts.cookies {
		req.AddCookie(c)
	}
	resp, err := ts.App().Test(req, 60_000)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// golden compares JSON with testdata/golden/name.json (indented); -update rewrites it.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(got, &v); err != nil {
		t.Fatalf("%s: not JSON: %v: %s", name, err, got)
	}
	pretty, _ := json.MarshalIndent(v, "", "  ")
	p := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.WriteFile(p, append(pretty, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./dashboard/ -update once)", err)
	}
	if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(pretty)) {
		t.Errorf("%s differs from %s:\n%s", name, p, pretty)
	}
}
