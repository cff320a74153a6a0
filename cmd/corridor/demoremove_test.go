package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/demo"
)

// TestDemoRemove: `corridor demo --remove` withdraws every sample load in
// one command and prints each; real loads and their rows stay.
func TestDemoRemove(t *testing.T) {
	ctx := context.Background()
	s, _ := testStore(t, "--data", t.TempDir())
	files, err := demo.Write(filepath.Join(t.TempDir(), "demo"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, s.conn, filepath.Dir(files[0].Path), "demo"); err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(t.TempDir(), "real.csv")
	if err := os.WriteFile(real, []byte("平台名称,级别,区县,共建时间\n真实平台,市级,淄川区,2021-03-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Load(ctx, s.conn, ingest.Options{Path: real}); err != nil {
		t.Fatal(err)
	}

	var out bytes.Buffer
	if err := removeDemo(ctx, s, &out, "tester"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != len(files)+1 {
		t.Fatalf("%d lines, want one per demo file and a total:\n%s", len(lines), out.String())
	}
	rows := 0
	for _, f := range files {
		rows += f.Rows
		if !strings.Contains(out.String(), filepath.Base(f.Path)+" (示例数据)") {
			t.Errorf("output does not name %s:\n%s", filepath.Base(f.Path), out.String())
		}
	}
	if total := lines[len(lines)-1]; !regexp.MustCompile(`^removed 8 sample loads \(示例数据\), ` + strconv.Itoa(rows) + ` rows; real loads are untouched`).MatchString(total) {
		t.Errorf("total line %q, want 8 loads and %d rows", total, rows)
	}
	got := viewCounts(t, s)
	for v, n := range got {
		if want := map[string]uint64{"platforms": 1}[v]; n != want {
			t.Errorf("%s_current: %d rows after removal, want %d", v, n, want)
		}
	}
	list, _ := ingest.ListSources(ctx, s.conn)
	for _, src := range list {
		if (src.Sample == 1) != (src.Status == ingest.StatusWithdrawn) {
			t.Errorf("%s (sample %d) is %s", src.FileName, src.Sample, src.Status)
		}
	}

	out.Reset()
	if err := removeDemo(ctx, s, &out, "tester"); err != nil || !strings.HasPrefix(out.String(), "no sample loads") {
		t.Errorf("second removal: %v %q", err, out.String())
	}
}
