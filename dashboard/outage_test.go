package dashboard_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/dashboard/auth"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/engine"
)

// TestEngineOutageGivesAProperMessage stops the engine under a running
// server: pages answer 503 with a readable message, never a stack trace.
func TestEngineOutageGivesAProperMessage(t *testing.T) {
	ctx := context.Background()
	e, err := engine.Start(ctx, engine.Options{DataDir: t.TempDir(), LibPath: h.Lib, Database: "corridor"})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := chsql.Open(ctx, chsql.Target{DSN: e.WriterDSN()}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := (chsql.Migrator{Conn: conn, Database: "corridor"}).Up(ctx); err != nil {
		t.Fatal(err)
	}
	s, err := dashboard.New(dashboard.Deps{Conn: conn, Database: "corridor", Engine: "embedded"})
	if err != nil {
		t.Fatal(err)
	}
	if err := (&auth.Store{Conn: conn}).Add(ctx, "viewer", testPassword, auth.Viewer); err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s}
	ts.login(t, "viewer") // its first page caches the session for the outage (30 s)
	if resp := ts.do(t, "GET", "/", nil); resp.StatusCode != 200 {
		t.Fatalf("before the outage: %d", resp.StatusCode)
	}
	if err := e.Stop(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/platforms?from=2019", "/api/v1/series?metric=platforms_new"} {
		resp := ts.do(t, "GET", p, nil)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 503 || !strings.Contains(string(body), "数据库暂时不可用") || strings.Contains(string(body), "goroutine") {
			t.Errorf("%s during an outage: %d %s", p, resp.StatusCode, body)
		}
	}
	resp := ts.do(t, "GET", "/healthz", nil)
	if resp.StatusCode != 503 {
		t.Errorf("healthz during an outage: %d", resp.StatusCode)
	}
	if resp := ts.do(t, "GET", "/readyz", nil); resp.StatusCode != 503 {
		t.Errorf("readyz during an outage: %d", resp.StatusCode)
	}
	// the failed pages show as query errors to a local scraper
	m, err := http.Get(listen(t, s) + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer m.Body.Close()
	text, _ := io.ReadAll(m.Body)
	if !strings.Contains(string(text), `corridor_query_errors_total{kind="unavailable"} 2`) {
		t.Errorf("/metrics after two failed pages:\n%s", text)
	}
}

// TestFilterWithNoRowsSaysSo: a filter that matches nothing shows the
// empty-data message instead of blank charts.
func TestFilterWithNoRowsSaysSo(t *testing.T) {
	ts := newServer(t, map[string]string{"p.csv": fxPlatforms})
	resp := ts.do(t, "GET", "/platforms?from=2010&to=2011", nil)
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(body), "当前筛选条件下暂无数据") {
		t.Fatalf("empty filter: %d, no empty-data message", resp.StatusCode)
	}
}
