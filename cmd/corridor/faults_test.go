package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
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
	var c storeConfig
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
