package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newDatabase makes a data folder holding an empty, migrated database, as
// `corridor serve` leaves it, for the commands that refuse to create one.
func newDatabase(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s, _ := testStore(t, "--data", dir)
	s.close()
	return dir
}

// TestCommandsRefuseToCreateDatabase: every command but serve and demo,
// pointed at a folder with no database (missing, or empty), exits 2 with a
// message naming the folder and how to pick one, and creates nothing;
// before, `corridor ingest` made a new empty ./data and reported success.
func TestCommandsRefuseToCreateDatabase(t *testing.T) {
	parent := t.TempDir()
	missing := filepath.Join(parent, "data")
	empty := t.TempDir()
	for _, args := range [][]string{
		{"ingest", "--list"},
		{"ingest", "x.csv", "--dry-run"},
		{"migrate"},
		{"query", "SELECT 1"},
		{"user", "list"},
		{"engine"},
		{"demo", "--remove"},
	} {
		for _, dir := range []string{missing, empty} {
			_, errOut, code := capture(t, func() int { return run(context.Background(), append(args, "--data", dir, "--log-level", "error")) })
			abs, _ := filepath.Abs(dir)
			if code != exitUsage || !strings.Contains(errOut, abs) || !strings.Contains(errOut, "--data") ||
				!strings.Contains(errOut, "CORRIDOR_DATA") || !strings.Contains(errOut, "corridor serve") {
				t.Errorf("%v on %s: exit %d, stderr %q; want 2 naming the folder, --data, CORRIDOR_DATA and corridor serve", args, dir, code, errOut)
			}
		}
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("a refused command created %s: %v", missing, err)
	}
	if ents, _ := os.ReadDir(empty); len(ents) != 0 {
		t.Errorf("a refused command wrote into the empty folder: %v", ents)
	}
	// The default folder is ./data of the current folder: from elsewhere
	// the command says which folder it looked in.
	t.Chdir(parent)
	t.Setenv("CORRIDOR_DATA", "")
	os.Unsetenv("CORRIDOR_DATA")
	_, errOut, code := capture(t, func() int { return run(context.Background(), []string{"ingest", "--list"}) })
	if code != exitUsage || !strings.Contains(errOut, missing) {
		t.Fatalf("default ./data from another folder: exit %d %q", code, errOut)
	}
}

// TestCommandsSayWhichDatabase: a command on a database says on stderr,
// in one line, which database and folder it used; CORRIDOR_DATA picks it.
func TestCommandsSayWhichDatabase(t *testing.T) {
	dir := newDatabase(t)
	t.Setenv("CORRIDOR_DATA", dir)
	for _, args := range [][]string{{"ingest", "--list"}, {"migrate"}, {"query", "SELECT 1"}, {"user", "list"}} {
		_, errOut, code := capture(t, func() int { return run(context.Background(), append(args, "--log-level", "error")) })
		want := "database: corridor in " + dir + " (embedded)\n"
		if code != exitOK || strings.Count(errOut, "database: ") != 1 || !strings.Contains(errOut, want) {
			t.Errorf("%v: exit %d, stderr %q; want one line %q", args, code, errOut, want)
		}
	}
}
