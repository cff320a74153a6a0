// Package chtest starts one real embedded ClickHouse per test binary and
// hands each test a fresh, migrated database. No mocks: tests run against
// the engine the product ships.
package chtest

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/engine"
)

// Harness is the engine shared by one test binary.
type Harness struct {
	Engine *engine.Engine
	Lib    string
	seq    atomic.Int64
}

// DBPrefix starts every test database's name; the reader user may SELECT from all of them.
const DBPrefix = "corridor_t"

// Run is the body of a TestMain: it serves as the engine child when asked,
// starts the engine, stores it in *h, runs the tests and stops the engine.
func Run(m *testing.M, h **Harness) int {
	engine.MaybeRunChild()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	lib, err := engine.EnsureLib(os.Getenv("CORRIDOR_CHDB_LIB"), engine.DefaultCacheDir(), log)
	if err != nil {
		fmt.Fprintln(os.Stderr, "chtest:", err)
		return 1
	}
	dir, err := os.MkdirTemp("", "corridor-test-engine-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "chtest:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	httpPort, err := engine.FreePort()
	if err != nil {
		fmt.Fprintln(os.Stderr, "chtest:", err)
		return 1
	}
	e, err := engine.Start(context.Background(), engine.Options{DataDir: dir, LibPath: lib, Database: DBPrefix, Scope: DBPrefix + "*", Logger: log, HTTPPort: httpPort})
	if err != nil {
		fmt.Fprintln(os.Stderr, "chtest:", err)
		return 1
	}
	*h = &Harness{Engine: e, Lib: lib}
	code := m.Run()
	if err := e.Stop(10 * time.Second); err != nil {
		fmt.Fprintln(os.Stderr, "chtest: stop:", err)
	}
	return code
}

// DB is a fresh migrated database for one test.
type DB struct {
	Name   string
	Conn   driver.Conn  // writer
	Target chsql.Target // writer
	Reader chsql.Target // the analysts' read-only account
	Web    chsql.Target // the dashboard's read-only account
}

var unsafeName = regexp.MustCompile(`[^a-zA-Z0-9_]+`)

// DB creates a fresh database named after the test, applies every
// migration, and drops it when the test ends.
func (h *Harness) DB(t testing.TB) *DB {
	t.Helper()
	name := fmt.Sprintf("%s_%s_%d", DBPrefix, strings.ToLower(unsafeName.ReplaceAllString(t.Name(), "_")), h.seq.Add(1))
	if len(name) > 120 {
		name = name[:120]
	}
	d := &DB{Name: name, Target: h.Target(name, engine.Writer), Reader: h.Target(name, engine.Analyst), Web: h.Target(name, engine.Web)}
	ctx := context.Background()
	conn, err := chsql.Open(ctx, d.Target, true)
	if err != nil {
		t.Fatalf("chtest: open %s: %v", name, err)
	}
	d.Conn = conn
	if _, err := (chsql.Migrator{Conn: conn, Database: name}).Up(ctx); err != nil {
		t.Fatalf("chtest: migrate %s: %v", name, err)
	}
	t.Cleanup(func() {
		if q, err := chsql.Query("chtest.DropDatabase"); err == nil {
			_ = conn.Exec(context.Background(), q, clickhouse.Named("db", name))
		}
		conn.Close()
	})
	return d
}

// Target is a DSN for database db as account a.
func (h *Harness) Target(db string, a engine.Account) chsql.Target {
	p := h.Engine.Endpoint()
	p.Database = db
	return chsql.Target{DSN: p.DSN(a)}
}

// Open connects to target for the rest of the test.
func Open(t testing.TB, target chsql.Target) driver.Conn {
	t.Helper()
	c, err := chsql.Open(context.Background(), target, false)
	if err != nil {
		t.Fatalf("chtest: open: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}
