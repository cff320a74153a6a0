package dashboard_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/ingest"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/chtest"
	"github.com/zibo-kj/corridor/sql/engine"
)

// prodConsole is a server on an engine set up as in production: the
// accounts' grants end at the database "corridor" and the private tables
// are revoked (the shared test engine widens grants to a pattern, under
// which ClickHouse cannot revoke them).
type prodConsole struct {
	*testServer
	e      *engine.Engine
	writer driver.Conn
	pid    int
}

func newProdConsole(t *testing.T) *prodConsole {
	t.Helper()
	ctx := context.Background()
	httpPort, err := engine.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	e, err := engine.Start(ctx, engine.Options{DataDir: t.TempDir(), LibPath: h.Lib, Database: "corridor", Logger: log, HTTPPort: httpPort})
	if err != nil {
		t.Fatalf("start engine: %v", err)
	}
	t.Cleanup(func() { _ = e.Stop(10 * time.Second) })
	p := e.Endpoint()
	writer, err := chsql.Open(ctx, chsql.Target{DSN: p.DSN(engine.Writer)}, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (chsql.Migrator{Conn: writer, Database: "corridor"}).Up(ctx); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "平台.csv")
	if err := os.WriteFile(f, []byte(fxPlatforms), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Load(ctx, writer, ingest.Options{Path: f}); err != nil {
		t.Fatal(err)
	}
	s, err := dashboard.New(dashboard.Deps{Conn: writer, Reader: chtest.Open(t, chsql.Target{DSN: p.DSN(engine.Web)}),
		Console: chtest.Open(t, chsql.Target{DSN: p.DSN(engine.Analyst)}), Database: "corridor", Engine: "embedded", Restarts: e.Restarts})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { writer.Close() }) // before the engine stops (cleanups run last-in first-out)
	ts := &testServer{Server: s, db: &chtest.DB{Name: "corridor", Conn: writer}}
	for name, role := range map[string]auth.Role{"boss": auth.Admin, "ana": auth.Analyst, "leader": auth.Viewer} {
		addUser(t, ts.db, name, role)
	}
	if _, _, err := (&auth.Store{Conn: writer}).CreateToken(ctx, "ana", "a token to keep", time.Hour); err != nil {
		t.Fatal(err)
	}
	ts.login(t, "ana")
	return &prodConsole{testServer: ts, e: e, writer: writer, pid: e.ChildPID()}
}

// fingerprint sums every table of the database but the audit (which the
// suite itself fills): a change anywhere changes it.
func (pc *prodConsole) fingerprint(t *testing.T) map[string]string {
	t.Helper()
	ctx := context.Background()
	var tables []string
	rows, err := pc.writer.Query(ctx, "SELECT name FROM system.tables WHERE database = 'corridor' AND name != 'console_audit' AND NOT is_temporary ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string]string{}
	for _, tb := range tables {
		var n, sum uint64
		if err := pc.writer.QueryRow(ctx, "SELECT count(), sum(cityHash64(formatRow('TabSeparated', *))) FROM corridor."+chsql.QuoteIdent(tb)).Scan(&n, &sum); err != nil {
			t.Fatalf("%s: %v", tb, err)
		}
		out[tb] = fmt.Sprintf("%d/%d", n, sum)
	}
	return out
}

// intact asserts the engine never restarted and still answers, and the
// server still runs a console query.
func (pc *prodConsole) intact(t *testing.T) {
	t.Helper()
	if err := pc.writer.Ping(context.Background()); err != nil {
		t.Fatalf("engine down: %v", err)
	}
	if pc.e.Restarts() != 0 || pc.e.ChildPID() != pc.pid {
		t.Fatalf("engine restarted: restarts=%d pid %d→%d", pc.e.Restarts(), pc.pid, pc.e.ChildPID())
	}
	code, a, raw := runQuery(t, pc.testServer, sqlBody("SELECT count() FROM platforms_current", nil), "", "")
	if code != 200 || a.Rows[0][0] != float64(3) {
		t.Fatalf("after the suite the console answers %d %s", code, raw)
	}
}
