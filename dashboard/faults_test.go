package dashboard_test

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/dashboard"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/engine"
)

// startEngine starts an engine of its own on dir with the schema applied.
func startEngine(t *testing.T, dir string) (*engine.Engine, driver.Conn) {
	t.Helper()
	ctx := context.Background()
	e, err := engine.Start(ctx, engine.Options{DataDir: dir, LibPath: h.Lib, Database: "corridor"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.Stop(10 * time.Second) })
	conn, err := chsql.Open(ctx, chsql.Target{DSN: e.WriterDSN()}, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := (chsql.Migrator{Conn: conn, Database: "corridor"}).Up(ctx); err != nil {
		t.Fatal(err)
	}
	return e, conn
}

// healthOf asks /healthz and decodes its answer.
func healthOf(t *testing.T, s *dashboard.Server) (int, map[string]any, string) {
	t.Helper()
	ts := &testServer{Server: s}
	resp := ts.do(t, "GET", "/healthz", nil)
	body, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("healthz: %v: %s", err, body)
	}
	return resp.StatusCode, out, string(body)
}

// TestFaultCorruptPartShowsInHealth damages a part of a filled table while
// the engine is stopped. The engine detaches it at the next start; /healthz
// must say so (degraded, with the count per table) instead of serving
// silently smaller numbers as "ok".
func TestFaultCorruptPartShowsInHealth(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	e, conn := startEngine(t, dir)
	for _, q := range []string{
		"INSERT INTO targets (row_key, metric, place_code, year, value, source_id, version) SELECT toString(number), 'm', '370300', 2021, number, 's1', 1 FROM numbers(1000)",
		"INSERT INTO targets (row_key, metric, place_code, year, value, source_id, version) SELECT toString(number), 'm', '370300', 2022, number, 's2', 1 FROM numbers(1000)",
	} {
		if err := conn.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	var rel string
	if err := conn.QueryRow(ctx, "SELECT path FROM system.parts WHERE database = 'corridor' AND table = 'targets' AND active ORDER BY name LIMIT 1").Scan(&rel); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if err := e.Stop(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	corruptPart(t, rel)

	_, conn = startEngine(t, dir)
	s, err := dashboard.New(dashboard.Deps{Conn: conn, Database: "corridor", Engine: "embedded"})
	if err != nil {
		t.Fatal(err)
	}
	code, out, body := healthOf(t, s)
	if code != 200 || out["status"] != "degraded" {
		t.Fatalf("healthz after a part was damaged: %d %s, want 200 and status degraded", code, body)
	}
	parts, _ := out["detached_parts"].(map[string]any)
	if parts["targets"] != float64(1) {
		t.Fatalf("healthz detached_parts = %v, want targets: 1", out["detached_parts"])
	}
	if strings.Contains(body, dir) || strings.Contains(body, "store/") {
		t.Fatalf("healthz reveals the engine's files: %s", body)
	}
	list, err := chsql.DetachedParts(ctx, conn)
	if err != nil || len(list) != 1 || !strings.HasPrefix(list[0].Reason, "broken") || list[0].Table != "targets" {
		t.Fatalf("detached parts: %+v %v, want one broken part of targets", list, err)
	}
	var n uint64
	if err := conn.QueryRow(ctx, "SELECT count() FROM targets").Scan(&n); err != nil || n != 1000 {
		t.Fatalf("after the damage: %d rows (%v); the test expects one of two parts set aside", n, err)
	}
}

// corruptPart truncates every column file of the part in folder rel (as
// system.parts names it: absolute, or relative to the engine's path).
func corruptPart(t *testing.T, rel string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(rel, "*.bin"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no column files in %s (%v)", rel, err)
	}
	for _, f := range files {
		if err := os.Truncate(f, 3); err != nil {
			t.Fatal(err)
		}
	}
}

// TestHostileHealthzHidesTheEngineAddress stops the engine under a running
// server: /healthz answers 503 with a generic message, never the dial
// error that names the engine's address and port.
func TestHostileHealthzHidesTheEngineAddress(t *testing.T) {
	e, conn := startEngine(t, t.TempDir())
	s, err := dashboard.New(dashboard.Deps{Conn: conn, Database: "corridor", Engine: "embedded"})
	if err != nil {
		t.Fatal(err)
	}
	if code, _, body := healthOf(t, s); code != 200 {
		t.Fatalf("before the outage: %d %s", code, body)
	}
	if err := e.Stop(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	code, out, body := healthOf(t, s)
	_, port, _ := strings.Cut(e.Addr(), ":")
	if code != 503 || out["status"] != "unavailable" {
		t.Fatalf("healthz during an outage: %d %s", code, body)
	}
	for _, leak := range []string{e.Addr(), port, "127.0.0.1", "dial", "tcp"} {
		if strings.Contains(body, leak) {
			t.Errorf("healthz reveals %q: %s", leak, body)
		}
	}
}
