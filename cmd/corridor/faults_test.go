package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

// syncBuffer is a log sink safe for the engine's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testStore opens the store the way the subcommands do (migrations
// applied), with the log going to a buffer.
func testStore(t *testing.T, args ...string) (*store, *syncBuffer) {
	t.Helper()
	c := storeConfig{create: true}
	fs := newFlagSet("test", "")
	c.register(fs)
	if err := fs.parse(append(args, "--log-level", "info")); err != nil {
		t.Fatal(err)
	}
	log := &syncBuffer{}
	c.logTo = log
	s, err := openStore(context.Background(), &c, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.close)
	return s, log
}

// TestFaultCorruptPartLoggedAtStart damages a part while the engine is
// stopped: at the next start the serving process names the table, the
// part, the reason and what to do.
func TestFaultCorruptPartLoggedAtStart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, _ := testStore(t, "--data", dir)
	if err := s.conn.Exec(ctx, "INSERT INTO platforms (row_key, name, source_id, version) SELECT toString(number), 'p', 's1', 1 FROM numbers(100)"); err != nil {
		t.Fatal(err)
	}
	var part, path string
	if err := s.conn.QueryRow(ctx, "SELECT name, path FROM system.parts WHERE database = currentDatabase() AND table = 'platforms' AND active").Scan(&part, &path); err != nil {
		t.Fatal(err)
	}
	s.close()
	bins, _ := filepath.Glob(filepath.Join(path, "*.bin"))
	if len(bins) == 0 {
		t.Fatalf("no column files in %s", path)
	}
	for _, f := range bins {
		if err := os.Truncate(f, 3); err != nil {
			t.Fatal(err)
		}
	}

	s, log := testStore(t, "--data", dir)
	warnDetachedParts(ctx, s)
	out := log.String()
	for _, want := range []string{"damaged data part", "table=platforms", part, "reason=broken", "corridor ingest --force", "docs/admin.md"} {
		if !strings.Contains(out, want) {
			t.Errorf("start-up log lacks %q:\n%s", want, out)
		}
	}
}

// leaveLoading writes what a load killed half-way leaves: a source row
// still 'loading' and raw rows stamped with it.
func leaveLoading(t *testing.T, s *store, id, file string, sample int) {
	t.Helper()
	ctx := context.Background()
	for _, q := range []string{
		fmt.Sprintf("INSERT INTO sources (source_id, file_name, kind, status, sample, loaded_at, version) VALUES ('%s', '%s', 'platform', 'loading', %d, now64(3) - 60, 1)", id, file, sample),
		"INSERT INTO platforms (row_key, name, source_id, version) SELECT toString(number), 'half', '" + id + "', 1 FROM numbers(50)",
		"INSERT INTO observations (metric, place_code, period_start, row_key, value, source_id, version) SELECT 'm', 'p', toDate('2021-01-01'), toString(number), 1, '" + id + "', 1 FROM numbers(50)",
	} {
		if err := s.conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// loadState is a load's status and its raw rows in platforms and observations.
func loadState(t *testing.T, s *store, id string) (string, uint64) {
	t.Helper()
	src, err := ingest.GetSource(context.Background(), s.conn, id)
	if err != nil {
		t.Fatal(err)
	}
	var n uint64
	q := "SELECT (SELECT count() FROM platforms WHERE source_id = ?) + (SELECT count() FROM observations WHERE source_id = ?)"
	if err := s.conn.QueryRow(context.Background(), q, id, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return src.Status, n
}

// TestFaultInterruptedLoadAtStart: a load left 'loading' is only reported
// by a process on an external ClickHouse (another server may be loading),
// and ended by the next start of the engine's owner: marked failed, its
// rows removed, committed rows kept.
func TestFaultInterruptedLoadAtStart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	owner, _ := testStore(t, "--data", dir)
	csv := filepath.Join(t.TempDir(), "p.csv")
	if err := os.WriteFile(csv, []byte("平台名称,区县,共建时间\nA,张店区,2019-03-10\nB,淄川区,2020-01-02\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Load(ctx, owner.conn, ingest.Options{Path: csv}); err != nil {
		t.Fatal(err)
	}
	leaveLoading(t, owner, "killed", "killed.csv", 0)

	ext, log := testStore(t, "--clickhouse", owner.writer.DSN)
	if out := log.String(); !strings.Contains(out, "still 'loading'") || !strings.Contains(out, "corridor ingest --withdraw killed") {
		t.Errorf("external start does not report the stuck load:\n%s", out)
	}
	if st, n := loadState(t, ext, "killed"); st != ingest.StatusLoading || n != 100 {
		t.Fatalf("external start changed the load: %s with %d rows", st, n)
	}
	list, err := ingest.ListSources(ctx, ext.conn)
	if err != nil {
		t.Fatal(err)
	}
	if note := stuckNote(list); !strings.Contains(note, "killed") || !strings.Contains(note, "--withdraw") {
		t.Errorf("ingest --list note: %q", note)
	}
	ext.close()
	owner.close()

	owner, log = testStore(t, "--data", dir)
	if st, n := loadState(t, owner, "killed"); st != ingest.StatusFailed || n != 0 {
		t.Fatalf("owner start left the load %s with %d rows, want failed with none", st, n)
	}
	if !strings.Contains(log.String(), "interrupted load marked failed") {
		t.Errorf("owner start does not log the recovery:\n%s", log.String())
	}
	var n uint64
	if err := owner.conn.QueryRow(ctx, "SELECT count() FROM platforms_current").Scan(&n); err != nil || n != 2 {
		t.Fatalf("committed rows after recovery: %d (%v), want 2", n, err)
	}
}
