package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestHelpDescribesLayouts: 'corridor help ingest' tells the sheet
// context and wide-table rules and documents --district and --home-city.
func TestIngestHelpDescribesLayouts(t *testing.T) {
	fs := newFlagSet("ingest", "load spreadsheets")
	ingestCmd(fs)
	var b bytes.Buffer
	fs.usage(&b)
	for _, want := range []string{"填报单位：淄川区科技局", "单位：万元", "Wide tables", "一季度…四季度", "合计 and 全年",
		"--district", "--home-city", "CORRIDOR_HOME_CITY", `(default "淄博市")`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

// TestIngestPlaceOptionsUsage: a home city that is no city and a district
// nobody knows are usage errors, before any engine starts.
func TestIngestPlaceOptionsUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--home-city", "张店区"},
		{"--home-city", "北京"},
		{"--district", "淄州区"},
	} {
		if code := run(context.Background(), append(append([]string{"ingest", "--data", dir}, args...), "x.csv")); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	t.Setenv("CORRIDOR_HOME_CITY", "山东省")
	if code := run(context.Background(), []string{"ingest", "--data", dir, "x.csv"}); code != exitUsage {
		t.Errorf("CORRIDOR_HOME_CITY=山东省: exit %d, want %d", code, exitUsage)
	}
}

// TestIngestDistrictOption: a sheet whose title says 淄川区 and whose file
// name says 张店区 is refused (exit 1) until --district chooses.
func TestIngestDistrictOption(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "ingest", "testdata", "context", "funding-title.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "张店区-资金.xlsx")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := newDatabase(t)
	ctx := context.Background()
	if code := run(ctx, []string{"ingest", "--data", dir, "--log-level", "warn", p}); code != exitFailure {
		t.Fatalf("two districts: exit %d, want %d", code, exitFailure)
	}
	if code := run(ctx, []string{"ingest", "--data", dir, "--log-level", "warn", "--district", "370303", p}); code != exitOK {
		t.Fatalf("--district 370303: exit %d", code)
	}
	s, _ := testStore(t, "--data", dir)
	var n uint64
	if err := s.conn.QueryRow(ctx, "SELECT count() FROM funding_current WHERE district_code = '370303' AND amount = 3000000").Scan(&n); err != nil || n != 1 {
		t.Fatalf("the 300万元 row in 张店区: %d %v", n, err)
	}
}
