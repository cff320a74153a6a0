package chsql_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/engine"
)

func TestMigrationsApplyOnceAndTablesExist(t *testing.T) {
	d := h.DB(t) // applies every migration
	ctx := context.Background()
	m := chsql.Migrator{Conn: d.Conn, Database: d.Name}
	again, err := m.Up(ctx)
	if err != nil || len(again) != 0 {
		t.Fatalf("re-apply: %d applied, err %v; want a no-op", len(again), err)
	}
	all, _ := chsql.Migrations()
	v, err := m.Version(ctx)
	if err != nil || v != all[len(all)-1].ID {
		t.Fatalf("version %d err %v, want %d", v, err, all[len(all)-1].ID)
	}
	for _, tbl := range []string{"sources", "places", "organizations", "platforms", "projects", "agreements", "funding", "carriers", "talent", "observations", "targets", "platforms_current", "observations_current"} {
		var n uint64
		if err := d.Conn.QueryRow(ctx, "SELECT count() FROM system.tables WHERE database = ? AND name = ?", d.Name, tbl).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s: %d, %v", tbl, n, err)
		}
	}
}

func TestChangedMigrationIsRefused(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	all, _ := chsql.Migrations()
	first := all[0]
	changed := chsql.Migrator{Conn: d.Conn, Database: d.Name}
	fsys := fstest.MapFS{}
	for _, mg := range all {
		fsys[mg.FileName()] = &fstest.MapFile{Data: []byte(mg.SQL)}
	}
	fsys[first.FileName()] = &fstest.MapFile{Data: []byte(first.SQL + "\n-- edited after release\n")}
	ms, err := chsql.MigrationsFrom(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	_, err = changed.UpWith(ctx, ms)
	if err == nil || !strings.Contains(err.Error(), "was changed after it was applied") {
		t.Fatalf("changed migration: %v, want refusal", err)
	}
}

func TestSplit(t *testing.T) {
	got := chsql.Split("-- only a comment\nSELECT 1\n-- split\n\n-- split\nSELECT 2\n")
	if len(got) != 2 || got[0] != "SELECT 1" || got[1] != "SELECT 2" {
		t.Fatalf("Split = %q", got)
	}
}

// TestReaderCannotSeeAccountsOrKeys: on an engine set up as in production
// (the reader scoped to one database), the read-only user (the SQL
// console's) reads data views but not accounts or the session signing key.
func TestReaderCannotSeeAccountsOrKeys(t *testing.T) {
	ctx := context.Background()
	e, err := engine.Start(ctx, engine.Options{DataDir: t.TempDir(), LibPath: h.Lib, Database: "corridor"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Stop(10 * time.Second)
	w, err := chsql.Open(ctx, chsql.Target{DSN: e.WriterDSN()}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := (chsql.Migrator{Conn: w, Database: "corridor"}).Up(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := chsql.Open(ctx, chsql.Target{DSN: e.ReaderDSN()}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var n uint64
	if err := r.QueryRow(ctx, "SELECT count() FROM platforms_current").Scan(&n); err != nil {
		t.Fatalf("reader on a data view: %v", err)
	}
	for _, q := range []string{"SELECT count() FROM app_secrets", "SELECT count() FROM users", "SELECT * FROM users"} {
		if err := r.QueryRow(ctx, q).Scan(&n); err == nil || chsql.KindOf(err) != chsql.KindAccess {
			t.Errorf("reader ran %q: %v, want access denied", q, err)
		}
	}
}
