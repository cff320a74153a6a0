package dashboard_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/ingest/demo"
)

// TestHostileAPIFilters sends texts that imitate the engine's own error
// lines, SQL, control bytes and oversized values through every filter of
// every API route and the home page: each answers 200 or a 4xx naming the
// problem, never a 5xx; the engine never restarts and the data is unchanged.
func TestHostileAPIFilters(t *testing.T) {
	ts := newServer(t, nil)
	if _, err := demo.Load(context.Background(), ts.db.Conn, t.TempDir(), "test"); err != nil {
		t.Fatal(err)
	}
	var before uint64
	if err := ts.db.Conn.QueryRow(context.Background(), "SELECT count() FROM platforms").Scan(&before); err != nil {
		t.Fatal(err)
	}
	restarts := h.Engine.Restarts()
	pid := h.Engine.ChildPID()
	values := []string{
		"Received exception",
		"\nCode: 241. DB::Exception: Memory limit (total) exceeded",
		"' OR 1=1 --",
		`\'; DROP TABLE platforms; --`,
		"\x00\x01\x1b[2J",
		strings.Repeat("界", 250),
		"{district:String}",
	}
	routes := []string{
		"/api/v1/series?metric=platforms_cum",
		"/api/v1/breakdown?metric=platforms_cum",
		"/api/v1/network?x=1",
		"/api/v1/flows?x=1",
		"/api/v1/corridor?x=1",
		"/wall?x=1",
		"/api/v1/targets?x=1",
		"/api/v1/index?x=1",
		"/api/v1/overview?x=1",
		"/?x=1",
	}
	params := []string{"grain", "from", "to", "district", "city", "partner", "industry", "level", "kind", "lang", "metric"}
	n := 0
	for _, r := range routes {
		for _, p := range params {
			for _, v := range values {
				target := strings.Replace(r, "x=1", "", 1) + "&" + p + "=" + url.QueryEscape(v)
				resp := ts.do(t, "GET", target, nil)
				body, _ := io.ReadAll(resp.Body)
				n++
				if resp.StatusCode >= 500 {
					t.Errorf("GET %s: %d %s", target, resp.StatusCode, body)
				}
			}
		}
	}
	// A value of 1 MB never reaches a handler: the server refuses the request line.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go ts.App().Listener(ln)
	defer ts.App().Shutdown()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	go conn.Write([]byte("GET /api/v1/series?metric=platforms_cum&industry=" + strings.Repeat("A", 1<<20) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	status, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.Contains(status, " 431 ") {
		t.Errorf("1 MB filter value: %q %v, want 431", status, err)
	}
	if h.Engine.Restarts() != restarts || h.Engine.ChildPID() != pid {
		t.Fatalf("the engine restarted during %d hostile requests", n)
	}
	var rows uint64
	if err := ts.db.Conn.QueryRow(context.Background(), "SELECT count() FROM platforms").Scan(&rows); err != nil || rows != before {
		t.Fatalf("platforms after the hostile requests: %d %v", rows, err)
	}
	resp := ts.do(t, "GET", "/healthz", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("healthz after the hostile requests: %d", resp.StatusCode)
	}
}
