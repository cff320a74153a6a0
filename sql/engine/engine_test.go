package engine

import (
	"context"
	"log/slog"
	"os"
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
