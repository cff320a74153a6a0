package chsql

import (
	"io/fs"
	"strings"
	"testing"
)

// TestNamedQueriesSayWhatFor holds every named query to the team rule: a
// file sql/queries/<area>.<Name>.sql that opens with a "--" comment saying
// what the statement is for, and a statement after it.
func TestNamedQueriesSayWhatFor(t *testing.T) {
	names, err := fs.Glob(files, "queries/*.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("no named queries: %v", err)
	}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "queries/"), ".sql")
		if area, rest, ok := strings.Cut(name, "."); !ok || area == "" || rest == "" || strings.Contains(rest, ".") {
			t.Errorf("%s: want queries/<area>.<Name>.sql", n)
			continue
		}
		q, err := Query(name)
		if err != nil {
			t.Error(err)
			continue
		}
		if !strings.HasPrefix(q, "-- ") {
			t.Errorf("%s: opens without a comment saying what it is for", n)
		}
		if strings.TrimSpace(stripComments(q)) == "" {
			t.Errorf("%s: holds no statement", n)
		}
	}
}
