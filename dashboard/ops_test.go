package dashboard_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/sql/chtest"
)

// metricsText fetches /metrics as the test client (app.Test's peer is not
// loopback, so only the session can open it).
func metricsText(t *testing.T, ts *testServer) (int, string) {
	t.Helper()
	resp := ts.do(t, "GET", "/metrics", nil)
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestMetricsCountRequestsCacheAndLoads: requests are counted by route
// pattern and status, the page cache's hits show, a load through the
// upload adds its rows, and only an administrator sees the numbers.
func TestMetricsCountRequestsCacheAndLoads(t *testing.T) {
	ts := newServer(t, nil)
	for range 2 {
		if resp := ts.do(t, "GET", "/platforms", nil); resp.StatusCode != 200 {
			t.Fatalf("/platforms: %d", resp.StatusCode)
		}
	}
	ts.do(t, "GET", "/data/rejects/abc", nil)
	ts.do(t, "GET", "/no/such/page", nil)
	if code, body := ts.upload(t, "平台.csv", fxPlatforms, nil); code != 200 {
		t.Fatalf("upload: %d %s", code, excerpt(body, "report"))
	}
	code, text := metricsText(t, ts)
	if code != 200 {
		t.Fatalf("/metrics as admin: %d", code)
	}
	for _, want := range []string{
		"# TYPE corridor_http_requests_total counter",
		`corridor_http_requests_total{route="/platforms",method="GET",status="200"} 2`,
		`corridor_http_requests_total{route="/data/rejects/:source",method="GET",`,
		`corridor_http_requests_total{route="other",method="GET",status="404"} 1`,
		`corridor_http_requests_total{route="/data/upload",method="POST",status="200"} 1`,
		`corridor_http_request_duration_seconds_bucket{route="/platforms",le="+Inf"} 2`,
		`corridor_http_request_duration_seconds_count{route="/platforms"} 2`,
		`corridor_cache_lookups_total{cache="page",result="hit"} 1`,
		`corridor_ingest_rows_total{kind="platform",outcome="accepted"} 3`,
		`corridor_ingest_loads_total{status="loaded"} 1`,
		fmt.Sprintf("corridor_engine_restarts_total %d", h.Engine.Restarts()),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "/no/such/page") || strings.Contains(text, "abc") {
		t.Errorf("raw paths leak into labels:\n%s", text)
	}

	addUser(t, ts.db, "ana", auth.Analyst)
	ts.login(t, "ana")
	if code, _ := metricsText(t, ts); code != 404 {
		t.Errorf("/metrics as an analyst: %d, want 404", code)
	}
	ts.cookies = nil
	if code, _ := metricsText(t, ts); code != 404 {
		t.Errorf("/metrics anonymous from afar: %d, want 404", code)
	}
}

// TestMetricsOpenToLoopbackOnly serves on a real loopback socket: a local
// scraper reads /metrics without a login, but not a request that a proxy
// forwarded (it may come from anywhere).
func TestMetricsOpenToLoopbackOnly(t *testing.T) {
	s, _ := newAnonServer(t, nil, false)
	url := listen(t, s)
	get := func(hdr ...string) int {
		req, _ := http.NewRequest("GET", url+"/metrics", nil)
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode == 200 && !strings.Contains(string(b), "corridor_http_requests_total") {
			t.Errorf("/metrics body: %s", b)
		}
		return resp.StatusCode
	}
	if code := get(); code != 200 {
		t.Errorf("loopback scraper: %d, want 200", code)
	}
	for _, h := range []string{"X-Forwarded-For", "Forwarded", "X-Real-IP"} {
		if code := get(h, "203.0.113.9"); code != 404 {
			t.Errorf("loopback with %s: %d, want 404", h, code)
		}
	}
}

// listen serves s on a free loopback port until the test ends.
func listen(t *testing.T, s *dashboard.Server) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Listen(ctx, addr) }()
	t.Cleanup(func() { cancel(); <-done })
	for i := 0; i < 200; i++ {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return "http://" + addr
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("server on %s did not come up", addr)
	return ""
}

// TestReadyzWantsEveryMigration: ready on a migrated database; a
// migration the ledger lacks (a newer binary before `corridor migrate`)
// makes it 503 and names the file, while /healthz stays 200.
func TestReadyzWantsEveryMigration(t *testing.T) {
	ts := newServer(t, nil)
	resp, body := ts.send(t, "GET", "/readyz")
	if resp.StatusCode != 200 || !strings.Contains(body, `"status":"ready"`) {
		t.Fatalf("/readyz on a migrated database: %d %s", resp.StatusCode, body)
	}
	markFailed(t, ts.db, 2)
	resp, body = ts.send(t, "GET", "/readyz")
	if resp.StatusCode != 503 || !strings.Contains(body, "0002_current_views.sql") || !strings.Contains(body, "corridor migrate") {
		t.Errorf("/readyz with a migration pending: %d %s", resp.StatusCode, body)
	}
	if resp, body := ts.send(t, "GET", "/healthz"); resp.StatusCode != 200 {
		t.Errorf("/healthz with a migration pending: %d %s", resp.StatusCode, body)
	}
}

// markFailed records migration id as failed, later than its success.
func markFailed(t *testing.T, d *chtest.DB, id uint32) {
	t.Helper()
	q := "INSERT INTO schema_migrations (id, name, checksum, applied_at, status) SELECT id, name, checksum, now64(3) + 1, 'failed' FROM schema_migrations WHERE id = ?"
	if err := d.Conn.Exec(context.Background(), q, id); err != nil {
		t.Fatal(err)
	}
}
