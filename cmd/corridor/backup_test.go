package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// sumsOf opens the database in data (no migrations) and reads what every
// table and view holds.
func sumsOf(t *testing.T, data string) map[string]tableSum {
	t.Helper()
	s, _ := testStore(t, "--data", data)
	defer s.close()
	got, err := contentSums(context.Background(), s.conn, s.database)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func mustRun(t *testing.T, want int, args ...string) {
	t.Helper()
	if code := run(context.Background(), args); code != want {
		t.Fatalf("corridor %v: exit %d, want %d", args, code, want)
	}
}

// TestBackupRestoreRoundTrip loads the demo data, backs it up while the
// engine runs (the backup attaches to it), adds data and makes an
// incremental backup, then restores each into a fresh data folder: every
// table's rows and every current view's content sum are what they were.
// A restore refuses a folder that holds a database, and finds a moved base
// with --base only.
func TestBackupRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir, backups := t.TempDir(), t.TempDir()
	full, inc := filepath.Join(backups, "full"), filepath.Join(backups, "inc")
	s, _ := testStore(t, "--data", dir)
	if err := loadDemo(ctx, s, filepath.Join(dir, "demo"), false); err != nil {
		t.Fatal(err)
	}
	atFull, err := contentSums(ctx, s.conn, s.database)
	if err != nil {
		t.Fatal(err)
	}
	if atFull["platforms_current"].Rows == 0 || atFull["observations_current"].Rows == 0 {
		t.Fatalf("demo data not loaded: %v", atFull)
	}
	mustRun(t, exitOK, "backup", "--data", dir, "--out", full, "--log-level", "warn")
	if err := s.conn.Exec(ctx, "INSERT INTO targets (metric, place_code, year, value, version) SELECT 'm', toString(number), 2030, number, 1 FROM numbers(500)"); err != nil {
		t.Fatal(err)
	}
	atInc, err := contentSums(ctx, s.conn, s.database)
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, exitOK, "backup", "--data", dir, "--out", inc, "--base", full, "--log-level", "warn")
	mustRun(t, exitUsage, "backup", "--data", dir, "--out", inc, "--log-level", "warn") // not an empty folder
	s.close()

	m, err := readManifest(inc)
	if err != nil {
		t.Fatal(err)
	}
	if m.Base == "" || len(m.Tables) == 0 {
		t.Fatalf("incremental manifest: %+v", m)
	}
	if fullSize, incSize := treeSize(t, full), treeSize(t, inc); incSize*2 > fullSize {
		t.Errorf("incremental backup %d bytes vs full %d: it stores more than the change", incSize, fullSize)
	}

	for _, c := range []struct {
		from string
		want map[string]tableSum
	}{{full, atFull}, {inc, atInc}} {
		to := t.TempDir()
		mustRun(t, exitOK, "restore", "--data", to, "--from", c.from, "--log-level", "warn")
		if d := sumsDiffer(c.want, sumsOf(t, to)); len(d) > 0 {
			t.Errorf("restore of %s differs: %v", filepath.Base(c.from), d)
		}
		mustRun(t, exitUsage, "restore", "--data", to, "--from", c.from, "--log-level", "warn")
	}

	moved := filepath.Join(t.TempDir(), "full-moved")
	if err := os.Rename(full, moved); err != nil {
		t.Fatal(err)
	}
	mustRun(t, exitFailure, "restore", "--data", t.TempDir(), "--from", inc, "--log-level", "warn")
	to := t.TempDir()
	mustRun(t, exitOK, "restore", "--data", to, "--from", inc, "--base", moved, "--log-level", "warn")
	if d := sumsDiffer(atInc, sumsOf(t, to)); len(d) > 0 {
		t.Errorf("restore with a moved base differs: %v", d)
	}
}

func treeSize(t *testing.T, dir string) int64 {
	t.Helper()
	var n int64
	err := filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
