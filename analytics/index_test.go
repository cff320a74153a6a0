package analytics_test

import (
	"context"
	"encoding/csv"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/demo"
)

// indexNow is a day in 2026: 2025 is the last complete year.
var indexNow = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

// demoService loads the demo set into a fresh database; drop, when not
// nil, filters the rows of the statistics file (统计指标.csv) out.
func demoService(t *testing.T, drop func(row []string) bool) *analytics.Service {
	t.Helper()
	d := h.DB(t)
	files, err := demo.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if drop != nil && filepath.Base(f.Path) == "统计指标.csv" {
			dropRows(t, f.Path, drop)
		}
		if _, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: f.Path, Kind: f.Kind, Sample: true, LoadedBy: "test"}); err != nil {
			t.Fatalf("load %s: %v", f.Path, err)
		}
	}
	return analytics.NewService(d.Conn)
}

func dropRows(t *testing.T, path string, drop func([]string) bool) {
	t.Helper()
	in, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(in))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var keep [][]string
	for k, r := range rows {
		if k == 0 || !drop(r) {
			keep = append(keep, r)
		}
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	if err := w.WriteAll(keep); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustIndex(t *testing.T, s *analytics.Service, q string) *analytics.IndexReport {
	t.Helper()
	rep, err := s.Index(context.Background(), filter(t, q), index.DefaultConfig(), indexNow)
	if err != nil {
		t.Fatalf("index %q: %v", q, err)
	}
	return rep
}

// at is the position of period p in r, failing when it is absent.
func at(t *testing.T, r *index.Result, p string) int {
	t.Helper()
	for k, q := range r.Periods {
		if q == p {
			return k
		}
	}
	t.Fatalf("no period %s in %v", p, r.Periods)
	return -1
}

// TestIndexSameYearUnderAnyFilter: from= and to= choose the years shown,
// never their values, the base or the coupling grade.
func TestIndexSameYearUnderAnyFilter(t *testing.T) {
	s := demoService(t, nil)
	full := mustIndex(t, s, "")
	if full.Result.Base != "2018" || math.Abs(full.Result.Headline[at(t, full.Result, "2018")]-100) > 1e-9 {
		t.Fatalf("base %s, headline %v", full.Result.Base, full.Result.Headline)
	}
	for _, q := range []string{"from=2019", "from=2023", "to=2022", "from=2020&to=2023", "from=2021-03"} {
		rep := mustIndex(t, s, q)
		r := rep.Result
		if r.Base != "2018" || len(r.Periods) == 0 || len(r.Periods) == len(full.Result.Periods) {
			t.Fatalf("%s: base %s periods %v", q, r.Base, r.Periods)
		}
		for k, p := range r.Periods {
			f := at(t, full.Result, p)
			for _, pair := range [][2]float64{{r.Headline[k], full.Result.Headline[f]}, {r.Band.P5[k], full.Result.Band.P5[f]},
				{r.Band.P95[k], full.Result.Band.P95[f]}, {r.Coverage[k], full.Result.Coverage[f]}} {
				if pair[0] != pair[1] {
					t.Errorf("%s: %s is %v, %v without the filter", q, p, pair[0], pair[1])
				}
			}
		}
		for _, pt := range rep.Coupling.Points {
			for _, fp := range full.Coupling.Points {
				if fp.Period == pt.Period && (fp.D != pt.D || *fp.Grade != *pt.Grade) {
					t.Errorf("%s: coupling %s D %v %s, without the filter %v %s", q, pt.Period, pt.D, pt.Grade.NameZH, fp.D, fp.Grade.NameZH)
				}
			}
		}
	}
	// The overview's headline card reads the same index.
	o, err := s.Overview(context.Background(), filter(t, "from=2023"), index.DefaultConfig(), indexNow)
	if err != nil || o.Index == nil {
		t.Fatalf("overview: %v %v", err, o)
	}
	r := o.Index.Result
	if last := len(r.Periods) - 1; r.Periods[0] != "2023" || r.Headline[last] != full.Result.Headline[at(t, full.Result, "2025")] {
		t.Errorf("overview from=2023: %v %v, want 2025 = %v", r.Periods, r.Headline, full.Result.Headline)
	}
	t.Logf("2025 headline %.1f band %.1f–%.1f", full.Result.Headline[8], full.Result.Band.P5[8], full.Result.Band.P95[8])
}

// TestIndexUnreportedStatisticsAreMissing: with no 2025 statistics loaded
// (the technology-contract turnover among them), 2025 shows them as
// unreported with coverage below 100%, the stock among them is carried in
// the coupling, and the index is not pulled down as zeros would pull it.
func TestIndexUnreportedStatisticsAreMissing(t *testing.T) {
	s := demoService(t, func(row []string) bool { return strings.HasPrefix(row[2], "2025") })
	rep := mustIndex(t, s, "")
	r := rep.Result
	k := at(t, r, "2025")
	if got := r.Unreported[k]; len(got) != 1 || got[0] != "contracts_value" {
		t.Fatalf("2025 unreported %v, want [contracts_value]", got)
	}
	if want := 1 - 1.0/12; math.Abs(r.Coverage[k]-want) > 1e-12 || r.Coverage[k-1] != 1 {
		t.Errorf("coverage %v, want %v in 2025 and 1 before", r.Coverage, want)
	}
	// The same inputs with the missing turnover taken as 0, as before.
	data := index.Data{}
	for _, ind := range r.Indicators {
		for k, p := range r.Periods {
			data[ind.Code] = append(data[ind.Code], index.Point{Period: p, Value: ind.Raw[k], Missing: math.IsNaN(ind.Raw[k])})
		}
	}
	data["contracts_value"][k] = index.Point{Period: "2025", Value: 0}
	cfg := index.DefaultConfig()
	cfg.Draws = -1
	zero, err := index.Compute(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	if !(r.Headline[k] > zero.Headline[k]) || r.Headline[k-1] != zero.Headline[k-1] {
		t.Errorf("2025 headline %v with the turnover missing, %v with it as 0: missing must not lower it", r.Headline[k], zero.Headline[k])
	}
	if n := len(rep.Coupling.Points); n == 0 || rep.Coupling.Points[n-1].Period != "2025" {
		t.Errorf("coupling %+v: 2025 should carry the high-tech firms and keep R&D missing", rep.Coupling.Points)
	}
	t.Logf("2025 headline %.1f (as zeros %.1f), geometric %.1f (as zeros %.1f), coverage %.3f", r.Headline[k], zero.Headline[k], r.Geometric[k], zero.Geometric[k], r.Coverage[k])
}

// TestIndexDistrictsAndBase: a district's index is anchored at 2018 like
// the corridor's, its coupling carries no grade, and a place without
// enough base-year data says so instead of choosing another base.
func TestIndexDistrictsAndBase(t *testing.T) {
	s := demoService(t, nil)
	rep := mustIndex(t, s, "district=淄川区")
	if rep.Result.Base != "2018" || rep.Coupling.Graded || rep.Coupling.Points[0].Grade != nil {
		t.Errorf("淄川区: base %s, coupling graded %v", rep.Result.Base, rep.Coupling.Graded)
	}
	if full := mustIndex(t, s, ""); !full.Coupling.Graded || full.Coupling.Points[0].Grade == nil {
		t.Error("the whole corridor's coupling has no grade")
	}
	k := len(rep.Result.Periods) - 1
	t.Logf("淄川区 2025 headline %.1f geometric %.1f band %.1f–%.1f; no base: %v", rep.Result.Headline[k], rep.Result.Geometric[k], rep.Result.Band.P5[k], rep.Result.Band.P95[k], rep.Result.NoBase)
	for q, present := range map[string]bool{"district=高青县": true, "city=济南市": false} {
		_, err := s.Index(context.Background(), filter(t, q), index.DefaultConfig(), indexNow)
		var be *index.BaseError
		if !errors.As(err, &be) || !errors.Is(err, index.ErrNoBase) || be.Base != "2018" || be.Present != present {
			t.Errorf("%s: err = %v, want a *BaseError for 2018 (data present: %v)", q, err, present)
		}
	}
}
