package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

// projectsA has a typo in a key field (陶瓷膜中式) and a row the corrected
// file leaves out (智能传感器); projectsB is the corrected file.
const (
	projectsA = "项目名称,合作高校,区县,立项时间,总投资（万元）,财政资金（万元）\n" +
		"陶瓷膜中式,山东大学,淄川区,2021-03-01,120,40\n" +
		"氟硅材料攻关,济南大学,张店区,2021-05-01,80,20\n" +
		"智能传感器,山东大学,张店区,2021-06-01,50,10\n"
	projectsB = "项目名称,合作高校,区县,立项时间,总投资（万元）,财政资金（万元）\n" +
		"陶瓷膜中试,山东大学,淄川区,2021-03-01,120,40\n" +
		"氟硅材料攻关,济南大学,张店区,2021-05-01,90,20\n"
)

// TestIngestReplace loads file A, then the corrected file B with
// --replace A's id: the shown projects and their totals are B's alone (the
// typo'd key and the row B left out are gone), A is listed as replaced,
// and withdrawing B brings A back whole. A plain reload of B on top of A
// (no --replace) shows why the option exists: both keys stay current.
func TestIngestReplace(t *testing.T) {
	ctx := context.Background()
	tmp := t.TempDir()
	a, b := filepath.Join(tmp, "a.csv"), filepath.Join(tmp, "b.csv")
	for p, text := range map[string]string{a: projectsA, b: projectsB} {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	totals := func(dir string) string {
		t.Helper()
		out, errOut, code := capture(t, func() int {
			return run(ctx, []string{"query", "--data", dir, "--log-level", "error", "--format", "csv",
				"SELECT count() AS n, sum(funding_total) AS total, arrayStringConcat(arraySort(groupArray(title)), '|') AS titles FROM projects_current"})
		})
		if code != exitOK {
			t.Fatalf("query: exit %d %s", code, errOut)
		}
		return out
	}
	ingestCLI := func(dir string, args ...string) string {
		t.Helper()
		out, errOut, code := capture(t, func() int {
			return run(ctx, append([]string{"ingest", "--data", dir, "--log-level", "error"}, args...))
		})
		if code != exitOK {
			t.Fatalf("ingest %v: exit %d\n%s%s", args, code, out, errOut)
		}
		return out
	}
	loadedID := regexp.MustCompile(`loaded as (\S+)`)

	onlyB := newDatabase(t)
	ingestCLI(onlyB, b)
	want := totals(onlyB)
	if !strings.Contains(want, "2,2100000,氟硅材料攻关|陶瓷膜中试") {
		t.Fatalf("B alone: %q", want)
	}

	plain := newDatabase(t)
	ingestCLI(plain, a)
	ingestCLI(plain, b)
	if got := totals(plain); got == want {
		t.Fatalf("a corrected file without --replace already gives B's totals (%q): the test shows nothing", got)
	}

	dir := newDatabase(t)
	idA := loadedID.FindStringSubmatch(ingestCLI(dir, a))[1]
	out := ingestCLI(dir, b, "--replace", idA)
	if !strings.Contains(out, "replaced load "+idA) {
		t.Fatalf("report does not say what was replaced: %s", out)
	}
	idB := loadedID.FindStringSubmatch(out)[1]
	if got := totals(dir); got != want {
		t.Fatalf("after --replace: %q, want B's alone %q", got, want)
	}
	s, _ := testStore(t, "--data", dir)
	srcA, err := ingest.GetSource(ctx, s.conn, idA)
	if err != nil || srcA.Status != ingest.StatusReplaced || !strings.Contains(srcA.Note, idB) {
		t.Fatalf("A: %+v %v; want replaced, naming %s", srcA, err, idB)
	}
	list, _, _ := capture(t, func() int { return run(ctx, []string{"ingest", "--list", "--data", dir, "--log-level", "error"}) })
	if !regexp.MustCompile(regexp.QuoteMeta(idA) + `\s+replaced\s`).MatchString(list) {
		t.Fatalf("--list does not show A as replaced:\n%s", list)
	}
	s.close()

	// A replaced load is not withdrawn on its own; withdrawing B brings A back.
	if _, errOut, code := capture(t, func() int {
		return run(ctx, []string{"ingest", "--withdraw", idA, "--data", dir, "--log-level", "error"})
	}); code != exitFailure || !strings.Contains(errOut, "withdraw the load that replaced it") {
		t.Fatalf("withdraw of a replaced load: exit %d %q", code, errOut)
	}
	ingestCLI(dir, "--withdraw", idB)
	aOnly := newDatabase(t)
	ingestCLI(aOnly, a)
	if got, wantA := totals(dir), totals(aOnly); got != wantA {
		t.Fatalf("after withdrawing B: %q, want A's %q", got, wantA)
	}
}

// TestIngestReplaceRefusals: --replace names a committed load of the same
// kind and goes with exactly one file; a refused call changes nothing.
func TestIngestReplaceRefusals(t *testing.T) {
	ctx := context.Background()
	dir := newDatabase(t)
	tmp := t.TempDir()
	a, plat := filepath.Join(tmp, "a.csv"), filepath.Join(tmp, "p.csv")
	os.WriteFile(a, []byte(projectsA), 0o644)
	os.WriteFile(plat, []byte("平台名称,级别,区县,共建时间\n甲平台,市级,淄川区,2021-03-01\n"), 0o644)
	out, _, _ := capture(t, func() int { return run(ctx, []string{"ingest", a, "--data", dir, "--log-level", "error"}) })
	idA := regexp.MustCompile(`loaded as (\S+)`).FindStringSubmatch(out)[1]
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--replace", idA}, exitUsage, "exactly one FILE"},
		{[]string{"--replace", idA, a, plat}, exitUsage, "exactly one FILE"},
		{[]string{"--replace", "20990101-000000-000000", a}, exitFailure, "no source"},
		{[]string{"--replace", idA, plat}, exitFailure, "same kind"},
	} {
		_, errOut, code := capture(t, func() int {
			return run(ctx, append([]string{"ingest", "--data", dir, "--log-level", "error"}, tc.args...))
		})
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%v: exit %d %q; want %d with %q", tc.args, code, errOut, tc.code, tc.msg)
		}
	}
	s, _ := testStore(t, "--data", dir)
	src, err := ingest.GetSource(ctx, s.conn, idA)
	if err != nil || src.Status != ingest.StatusCommitted {
		t.Fatalf("A after refused replacements: %+v %v", src, err)
	}
}
