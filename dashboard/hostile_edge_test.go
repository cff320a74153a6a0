package dashboard_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/dashboard/assets"
	"github.com/zibo-kj/corridor/dashboard/auth"
)

// logBuffer collects a server's JSON log lines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// lines returns the log records whose msg is msg.
func (l *logBuffer) lines(msg string) []map[string]any {
	var out []map[string]any
	for _, line := range strings.Split(l.String(), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}

// newEdgeServer is newServer with Deps adjusted by set, logging JSON into
// the returned buffer, signed in as the admin "boss".
func newEdgeServer(t *testing.T, set func(*dashboard.Deps)) (*testServer, *logBuffer) {
	t.Helper()
	d := h.DB(t)
	logs := &logBuffer{}
	deps := dashboard.Deps{Conn: d.Conn, Database: d.Name, Engine: "embedded",
		Log: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	if set != nil {
		set(&deps)
	}
	s, err := dashboard.New(deps)
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s, db: d}
	addUser(t, d, "boss", auth.Admin)
	ts.login(t, "boss")
	return ts, logs
}

// send is ts.do with extra headers, as JSON unless hdr says otherwise.
func (ts *testServer) send(t *testing.T, method, target string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	req.Header.Set("Accept", "application/json")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	for _, c := range ts.cookies {
		req.AddCookie(c)
	}
	resp, err := ts.App().Test(req, 60_000)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

// stillUp fails the test unless the server answers /healthz and a page.
func (ts *testServer) stillUp(t *testing.T) {
	t.Helper()
	if resp, body := ts.send(t, "GET", "/healthz"); resp.StatusCode != 200 {
		t.Fatalf("/healthz afterwards: %d %s", resp.StatusCode, body)
	}
	if resp, _ := ts.send(t, "GET", "/", "Accept", "text/html"); resp.StatusCode != 200 {
		t.Fatalf("/ afterwards: %d", resp.StatusCode)
	}
}

var generatedID = regexp.MustCompile(`^[0-9a-f]{24}$`)

// TestHostilePanics: a panicking handler answers 500 through the error
// handler (no panic text, no stack) and the server goes on.
func TestHostilePanics(t *testing.T) {
	ts, logs := newEdgeServer(t, nil)
	app := ts.App()
	app.Get("/hostile/panic", func(c *fiber.Ctx) error { panic("boom: secret detail") })
	app.Get("/hostile/panic-error", func(c *fiber.Ctx) error { panic(fmt.Errorf("wrapped %w", io.ErrUnexpectedEOF)) })
	app.Get("/hostile/panic-nil", func(c *fiber.Ctx) error { panic(nil) })
	for _, tc := range []struct{ path, accept, want string }{
		{"/hostile/panic", "application/json", `{"error":"内部错误 (internal error)"}`},
		{"/hostile/panic", "text/html", "内部错误"},
		{"/hostile/panic-error", "application/json", `{"error":"内部错误 (internal error)"}`},
		{"/hostile/panic-nil", "application/json", `{"error":"内部错误 (internal error)"}`},
	} {
		t.Run(tc.path+" "+tc.accept, func(t *testing.T) {
			resp, body := ts.send(t, "GET", tc.path, "Accept", tc.accept)
			if resp.StatusCode != 500 || !strings.Contains(body, tc.want) || strings.Contains(body, "boom") || strings.Contains(body, "goroutine") {
				t.Fatalf("%d %.300s", resp.StatusCode, body)
			}
			if !generatedID.MatchString(resp.Header.Get("X-Request-ID")) {
				t.Fatalf("no request id on the 500: %q", resp.Header.Get("X-Request-ID"))
			}
			ts.stillUp(t)
		})
	}
	if l := logs.lines("panic in a handler"); len(l) != 4 || !strings.Contains(fmt.Sprint(l[0]["stack"]), "goroutine") {
		t.Fatalf("panics not logged with a stack: %v", l)
	}
}

// TestHostileRequestIDs: a client cannot choose the request id written to
// the log; a trusted proxy can, if it looks like an id.
func TestHostileRequestIDs(t *testing.T) {
	plain, _ := newEdgeServer(t, nil)
	proxied, _ := newEdgeServer(t, func(d *dashboard.Deps) { d.TrustedProxies = []string{"0.0.0.0"} }) // app.Test's address
	for _, tc := range []struct {
		name  string
		ts    *testServer
		in    string
		keeps bool
	}{
		{"client-chosen id", plain, "attacker-chosen-id", false},
		{"client id with log-breaking text", plain, `x" level=ERROR msg="forged`, false},
		{"trusted proxy's id", proxied, "lb-7f3a.42:1", true},
		{"trusted proxy's id with spaces", proxied, "not an id", false},
		{"trusted proxy's overlong id", proxied, strings.Repeat("a", 65), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, _ := tc.ts.send(t, "GET", "/api/v1/metrics", "X-Request-ID", tc.in)
			got := resp.Header.Get("X-Request-ID")
			if tc.keeps && got != tc.in || !tc.keeps && (got == tc.in || !generatedID.MatchString(got)) {
				t.Fatalf("sent %q, answered %q", tc.in, got)
			}
			tc.ts.stillUp(t)
		})
	}
}

// TestHostileAccessLog: each request is logged once with method, path,
// query names, status, duration, request id and user, and without query
// values (they can hold what does not belong in a log).
func TestHostileAccessLog(t *testing.T) {
	ts, logs := newEdgeServer(t, nil)
	resp, _ := ts.send(t, "GET", "/api/v1/series?metric=platforms_cum&partner=SECRET-PARTNER-NAME")
	anon := &testServer{Server: ts.Server}
	refused, _ := anon.send(t, "GET", "/api/v1/metrics?token=SECRET-TOKEN")
	if strings.Contains(logs.String(), "SECRET-") {
		t.Fatalf("a query value reached the log:\n%s", logs.String())
	}
	want := map[string]map[string]any{
		resp.Header.Get("X-Request-ID"):    {"method": "GET", "path": "/api/v1/series", "query": "metric,partner", "status": 200.0, "user": "boss"},
		refused.Header.Get("X-Request-ID"): {"method": "GET", "path": "/api/v1/metrics", "query": "token", "status": 401.0, "user": ""},
	}
	found := 0
	for _, l := range logs.lines("request") {
		w, ok := want[fmt.Sprint(l["request_id"])]
		if !ok {
			continue
		}
		found++
		for k, v := range w {
			if l[k] != v {
				t.Errorf("log %s = %v, want %v (%v)", k, l[k], v, l)
			}
		}
		if d, ok := l["took"].(float64); !ok || d <= 0 {
			t.Errorf("log without a duration: %v", l)
		}
	}
	if found != 2 {
		t.Fatalf("%d access log lines for the two requests:\n%s", found, logs.String())
	}
	ts.stillUp(t)
}

// TestHostileSlowRequests: a request's database work has a deadline
// (Deps.RequestTimeout): a query running past it is cancelled in
// ClickHouse and the client gets 504 with a readable message.
func TestHostileSlowRequests(t *testing.T) {
	// 2 s: far below the slow query and handler, and above a cold
	// overview on a busy 2-core machine (stillUp below loads it).
	ts, _ := newEdgeServer(t, func(d *dashboard.Deps) { d.RequestTimeout = 2 * time.Second })
	ts.stillUp(t)
	conn := ts.db.Conn
	const qid = "hostile-slow-query"
	ts.App().Get("/hostile/slow-query", func(c *fiber.Ctx) error {
		ctx := clickhouse.Context(c.UserContext(), clickhouse.WithQueryID(qid))
		if err := conn.Exec(ctx, "SELECT sleepEachRow(1) FROM numbers(60) SETTINGS max_block_size = 1"); err != nil {
			return err
		}
		return c.SendString("the 60 s query finished: no deadline")
	})
	ts.App().Get("/hostile/slow-handler", func(c *fiber.Ctx) error {
		select {
		case <-c.UserContext().Done():
			return c.UserContext().Err()
		case <-time.After(20 * time.Second):
			return c.SendString("no deadline")
		}
	})
	for _, path := range []string{"/hostile/slow-query", "/hostile/slow-handler"} {
		t.Run(path, func(t *testing.T) {
			resp, body := ts.send(t, "GET", path)
			if resp.StatusCode != 504 || !strings.Contains(body, "请求超时") || !strings.Contains(body, "took too long") {
				t.Fatalf("%d %s, want 504", resp.StatusCode, body)
			}
			ts.stillUp(t)
		})
	}
	// The query itself stopped in ClickHouse (it would run a minute): the
	// engine refuses a second query under the id of one still running
	// (code 216), so a query reusing the id succeeds only once it is gone.
	deadline := time.Now().Add(15 * time.Second)
	for {
		err := conn.Exec(clickhouse.Context(context.Background(), clickhouse.WithQueryID(qid)), "SELECT 1")
		if err == nil {
			break
		}
		var ex *clickhouse.Exception
		if !errors.As(err, &ex) || ex.Code != 216 {
			t.Fatalf("probe with the slow query's id: %v", err)
		}
		if time.Now().After(deadline) {
			t.Fatal("the timed-out query still runs in ClickHouse")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestHostileNoStore: nothing behind the login may be kept by a browser or
// proxy cache (pages, API answers, exports, errors); the assets may.
func TestHostileNoStore(t *testing.T) {
	ts, _ := newEdgeServer(t, nil)
	for _, tc := range []struct {
		path, accept string
		status       int
	}{
		{"/", "text/html", 200},
		{"/data", "text/html", 200},
		{"/api/v1/series?metric=platforms_cum", "application/json", 200},
		{"/api/v1/series?metric=platforms_cum&format=csv", "*/*", 200},
		{"/drill?metric=platforms_cum&format=xlsx", "*/*", 200},
		{"/api/v1/series?metric=no_such_metric", "application/json", 400},
		{"/no-such-page", "text/html", 404},
		{"/login", "text/html", 200},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, body := ts.send(t, "GET", tc.path, "Accept", tc.accept)
			if resp.StatusCode != tc.status || resp.Header.Get("Cache-Control") != "no-store" {
				t.Fatalf("%d Cache-Control %q, want %d no-store: %.200s", resp.StatusCode, resp.Header.Get("Cache-Control"), tc.status, body)
			}
		})
	}
	resp, _ := ts.send(t, "GET", assets.URL("static/app.css"), "Accept", "*/*")
	if cc := resp.Header.Get("Cache-Control"); resp.StatusCode != 200 || !strings.Contains(cc, "immutable") {
		t.Fatalf("asset: %d Cache-Control %q, want immutable", resp.StatusCode, cc)
	}
	ts.stillUp(t)
}
