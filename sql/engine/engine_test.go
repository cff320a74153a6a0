package engine

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

var testLib string

func TestMain(m *testing.M) {
	MaybeRunChild()
	lib, err := EnsureLib(os.Getenv("CORRIDOR_CHDB_LIB"), DefaultCacheDir(), slog.Default())
	if err != nil {
		slog.Error("engine library unavailable", "err", err)
		os.Exit(1)
	}
	testLib = lib
	os.Exit(m.Run())
}

func startTest(t *testing.T, dir string) *Engine {
	t.Helper()
	e, err := Start(context.Background(), Options{DataDir: dir, LibPath: testLib, Database: "corridor"})
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(func() { _ = e.Stop(10 * time.Second) })
	return e
}

func open(t *testing.T, addr, user, pass string) driver.Conn {
	t.Helper()
	c, err := clickhouse.Open(&clickhouse.Options{Addr: []string{addr}, Auth: clickhouse.Auth{Username: user, Password: pass}, DialTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func count(t *testing.T, c driver.Conn, q string) uint64 {
	t.Helper()
	var n uint64
	if err := c.QueryRow(context.Background(), q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestLifecycleRestartAndPersistence(t *testing.T) {
	dir := t.TempDir()
	e := startTest(t, dir)
	cr := e.Credentials()
	w := open(t, e.Addr(), cr.WriterUser, cr.WriterPassword)
	ctx := context.Background()
	for _, q := range []string{
		"CREATE DATABASE IF NOT EXISTS corridor",
		"CREATE TABLE corridor.t (n UInt64) ENGINE = MergeTree ORDER BY n",
		"INSERT INTO corridor.t SELECT number FROM numbers(1000)",
	} {
		if err := w.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// Kill the engine: the supervisor restarts it and acknowledged rows survive.
	pid := e.ChildPID()
	if err := syscall.Kill(-pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for e.Restarts() == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if e.Restarts() != 1 || e.ChildPID() == pid {
		t.Fatalf("restarts=%d pid %d→%d, want one restart with a new pid", e.Restarts(), pid, e.ChildPID())
	}
	w2 := open(t, e.Addr(), cr.WriterUser, cr.WriterPassword)
	if n := count(t, w2, "SELECT count() FROM corridor.t"); n != 1000 {
		t.Fatalf("after restart: %d rows, want 1000", n)
	}
	// A clean stop and a new start on the same folder keep the data too.
	if err := e.Stop(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	e2 := startTest(t, dir)
	w3 := open(t, e2.Addr(), cr.WriterUser, cr.WriterPassword)
	if n := count(t, w3, "SELECT sum(n) FROM corridor.t"); n != 499500 {
		t.Fatalf("after stop/start: sum %d, want 499500", n)
	}
}

func TestSecondStartOnSameFolderFails(t *testing.T) {
	dir := t.TempDir()
	startTest(t, dir)
	_, err := Start(context.Background(), Options{DataDir: dir, LibPath: testLib})
	if err == nil || !strings.Contains(err.Error(), "already in use") {
		t.Fatalf("second start: %v, want 'already in use'", err)
	}
}

func TestAccessControl(t *testing.T) {
	e := startTest(t, t.TempDir())
	cr := e.Credentials()
	ctx := context.Background()
	w := open(t, e.Addr(), cr.WriterUser, cr.WriterPassword)
	for _, q := range []string{
		"CREATE DATABASE corridor",
		"CREATE TABLE corridor.t (n UInt64) ENGINE = MergeTree ORDER BY n",
		"INSERT INTO corridor.t VALUES (1), (2)",
		"CREATE TABLE corridor.app_secrets (name String, value String) ENGINE = MergeTree ORDER BY name",
		"INSERT INTO corridor.app_secrets VALUES ('session', 'k')",
		"CREATE TABLE corridor.users (username String, password_hash String) ENGINE = MergeTree ORDER BY username",
		"CREATE DATABASE other",
		"CREATE TABLE other.secret (n UInt64) ENGINE = MergeTree ORDER BY n",
	} {
		if err := w.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	bad := open(t, e.Addr(), cr.WriterUser, "wrong")
	if err := bad.Ping(ctx); err == nil || !strings.Contains(err.Error(), "Authentication failed") && !strings.Contains(err.Error(), "516") {
		t.Fatalf("wrong password: %v, want an authentication error", err)
	}
	r := open(t, e.Addr(), cr.ReaderUser, cr.ReaderPassword)
	if n := count(t, r, "SELECT count() FROM corridor.t"); n != 2 {
		t.Fatalf("reader count %d, want 2", n)
	}
	for _, q := range []string{
		"INSERT INTO corridor.t VALUES (3)",
		"DROP TABLE corridor.t",
		"SET readonly = 0",
		"SET max_execution_time = 100000",
		"SELECT * FROM file('/etc/passwd', 'LineAsString')",
		"SELECT * FROM other.secret",
		"SELECT value FROM corridor.app_secrets",
		"SELECT password_hash FROM corridor.users",
		"SELECT * FROM url('http://127.0.0.1:1/', 'LineAsString')",
	} {
		if err := r.Exec(ctx, q); err == nil {
			t.Errorf("reader could run %q", q)
		}
	}
	// per-query limits within the constraints are allowed (the SQL console sets them)
	ctxLim := clickhouse.Context(ctx, clickhouse.WithSettings(clickhouse.Settings{"max_execution_time": 10, "max_result_rows": 5, "log_comment": "console"}))
	if err := r.Exec(ctxLim, "SELECT number FROM system.numbers LIMIT 3"); err != nil && !strings.Contains(err.Error(), "ACCESS_DENIED") && !strings.Contains(err.Error(), "497") {
		t.Logf("reader with per-query settings: %v", err)
	}
	var one uint64
	if err := r.QueryRow(ctxLim, "SELECT count() FROM corridor.t").Scan(&one); err != nil || one != 2 {
		t.Fatalf("reader with per-query settings: %v %d", err, one)
	}
	if n := count(t, w, "SELECT count() FROM corridor.t"); n != 2 {
		t.Fatalf("after reader attempts: %d rows, want 2", n)
	}
	// default (the engine's own session) cannot read our data.
	d := open(t, e.Addr(), "default", "")
	if err := d.Exec(ctx, "SELECT count() FROM corridor.t"); err == nil {
		t.Error("user default could read corridor.t")
	}
	// the engine is still healthy after the failed handshake
	if err := w.Ping(ctx); err != nil {
		t.Fatalf("engine down after bad login: %v", err)
	}
	if got := e.ChildPID(); got == 0 || e.Restarts() != 0 {
		t.Fatalf("pid %d restarts %d", got, e.Restarts())
	}
	if st, err := os.Stat(filepath.Join(e.opts.DataDir, "engine", "secrets.json")); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("secrets.json: %v %v, want mode 0600", st, err)
	}
}
