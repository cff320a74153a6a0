package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestDryRunAfterFile: `corridor ingest FILE --dry-run` checks the
// file and stores nothing (it used to load the file, then fail on a file
// named --dry-run); a file with rows that would be rejected exits 1.
func TestIngestDryRunAfterFile(t *testing.T) {
	dir := newDatabase(t)
	ctx := context.Background()
	good := filepath.Join(t.TempDir(), "p.csv")
	if err := os.WriteFile(good, []byte("平台名称,级别,区县,共建时间\n甲平台,市级,淄川区,2021-03-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join("..", "..", "ingest", "testdata", "bad", "projects-fiscal.csv")
	for _, tc := range []struct {
		file string
		code int
	}{{good, exitOK}, {bad, exitFailure}} {
		out, errOut, code := capture(t, func() int {
			return run(ctx, []string{"ingest", tc.file, "--dry-run", "--data", dir, "--log-level", "error"})
		})
		if code != tc.code || !strings.Contains(out, "dry_run") {
			t.Errorf("%s --dry-run: exit %d, want %d\n%s%s", tc.file, code, tc.code, out, errOut)
		}
		if tc.code == exitFailure && !strings.Contains(errOut, "would be rejected") {
			t.Errorf("dry run with rejected rows says not so: %q", errOut)
		}
	}
	s, _ := testStore(t, "--data", dir)
	var n uint64
	if err := s.conn.QueryRow(ctx, "SELECT (SELECT count() FROM sources) + (SELECT count() FROM platforms) + (SELECT count() FROM projects)").Scan(&n); err != nil || n != 0 {
		t.Fatalf("a dry run stored %d rows (%v)", n, err)
	}
}
