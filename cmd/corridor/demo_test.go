package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/demo"
)

// viewCounts counts the rows readers see in every *_current view.
func viewCounts(t *testing.T, s *store) map[string]uint64 {
	t.Helper()
	out := map[string]uint64{}
	for _, v := range []string{"platforms", "projects", "agreements", "funding", "carriers", "talent", "observations", "targets"} {
		var n uint64
		if err := s.conn.QueryRow(context.Background(), "SELECT count() FROM "+v+"_current").Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[v] = n
	}
	return out
}

// TestFaultKilledDemoCompletesOnRestart: `serve --demo` killed after three
// demo files, half-way through the fourth, completes the demo at the next
// start: every demo file committed once, the same rows as a demo loaded in
// one go, and a further start loads nothing.
func TestFaultKilledDemoCompletesOnRestart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	files := filepath.Join(dir, "demo")
	names := demo.Names()
	s, _ := testStore(t, "--data", dir)
	if _, err := demo.Load(ctx, s.conn, files, "demo", names[:3]...); err != nil {
		t.Fatal(err)
	}
	leaveLoading(t, s, "killed-demo", names[3], 1)
	s.close()

	s, _ = testStore(t, "--data", dir)
	if err := completeDemo(ctx, s, files); err != nil {
		t.Fatal(err)
	}
	list, err := ingest.ListSources(ctx, s.conn)
	if err != nil {
		t.Fatal(err)
	}
	committed := map[string]int{}
	for _, src := range list {
		if src.Status == ingest.StatusCommitted {
			committed[src.FileName]++
		}
	}
	for _, name := range names {
		if committed[name] != 1 {
			t.Errorf("demo file %s committed %d times, want once", name, committed[name])
		}
	}
	got := viewCounts(t, s)
	if err := completeDemo(ctx, s, files); err != nil {
		t.Fatal(err)
	}
	if again, _ := ingest.ListSources(ctx, s.conn); len(again) != len(list) {
		t.Errorf("a further start loaded again: %d loads, was %d", len(again), len(list))
	}
	s.close()

	fresh, _ := testStore(t, "--data", t.TempDir())
	if _, err := demo.Load(ctx, fresh.conn, t.TempDir(), "demo"); err != nil {
		t.Fatal(err)
	}
	if want := viewCounts(t, fresh); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("completed demo: %v\nfresh demo:     %v", got, want)
	}
}

// TestDemoLeavesRealDataAlone: with a real load present, serve --demo loads nothing.
func TestDemoLeavesRealDataAlone(t *testing.T) {
	ctx := context.Background()
	s, _ := testStore(t, "--data", t.TempDir())
	csv := filepath.Join(t.TempDir(), "p.csv")
	if err := os.WriteFile(csv, []byte("平台名称,区县,共建时间\nA,张店区,2019-03-10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Load(ctx, s.conn, ingest.Options{Path: csv}); err != nil {
		t.Fatal(err)
	}
	if err := completeDemo(ctx, s, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if list, _ := ingest.ListSources(ctx, s.conn); len(list) != 1 {
		t.Fatalf("demo loaded beside real data: %d loads", len(list))
	}
}
