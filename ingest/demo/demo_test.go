package demo_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/demo"
	"github.com/zibo-kj/corridor/sql/chtest"
)

var h *chtest.Harness

func TestMain(m *testing.M) { os.Exit(chtest.Run(m, &h)) }

// TestDemoAgreesWithTheSeedLetter loads the demo set through ingest and
// checks the figures the seed reply letter states (as of July 2021).
func TestDemoAgreesWithTheSeedLetter(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	reps, err := demo.Load(ctx, d.Conn, t.TempDir(), "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		if r.Rejected != 0 || r.Status != "loaded" {
			t.Errorf("%s: %s with %d rejected", r.File, r.Status, r.Rejected)
		}
	}
	jinan := "['山东大学','山东科技大学','济南大学','齐鲁工业大学','山东产业技术研究院','山东省科学院']"
	checks := []struct {
		what string
		q    string
		min  float64
	}{
		{"joint platforms with Jinan partners before 2021-07 (30余个)", "SELECT count() FROM platforms_current WHERE established < '2021-07-01' AND hasAny(partners, " + jinan + ")", 30},
		{"joint projects with Jinan universities before 2021-07 (70多项)", "SELECT count() FROM projects_current WHERE start_date < '2021-07-01' AND hasAny(partners, " + jinan + ")", 70},
		{"provincial maker spaces before 2021-07 (3家)", "SELECT count() FROM carriers_current WHERE kind = 'makerspace' AND level = 'provincial' AND recognised_on < '2021-07-01'", 3},
	}
	for _, c := range checks {
		var n uint64
		if err := d.Conn.QueryRow(ctx, c.q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if float64(n) < c.min {
			t.Errorf("%s: %d, want at least %v", c.what, n, c.min)
		}
	}
	// 1亿元 a year from the city budget to the 山东产业技术研究院 Zibo branch, from 2020.
	rows, err := d.Conn.Query(ctx, "SELECT toYear(paid_on) AS y, toFloat64(sum(amount)) FROM funding_current WHERE recipient = '山东产业技术研究院淄博分院' AND fiscal = 1 GROUP BY y ORDER BY y")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	years := 0
	for rows.Next() {
		var y uint16
		var v float64
		if err := rows.Scan(&y, &v); err != nil {
			t.Fatal(err)
		}
		if y < 2020 || v != 1e8 {
			t.Errorf("funding to the Zibo branch in %d: %v yuan, want 1亿 from 2020 on", y, v)
		}
		years++
	}
	if years != 6 {
		t.Errorf("%d years of funding to the Zibo branch, want 2020–2025", years)
	}
	var sample uint64
	if err := d.Conn.QueryRow(ctx, "SELECT countIf(sample = 0) FROM sources FINAL").Scan(&sample); err != nil || sample != 0 {
		t.Errorf("every demo source must be marked sample data: %d are not (%v)", sample, err)
	}
	// Loading again changes nothing.
	again, err := demo.Load(ctx, d.Conn, t.TempDir(), "test")
	if err != nil || again[0].Status != "already_loaded" {
		t.Fatalf("second load: %v %+v", err, again)
	}
}

// TestDemoLosesNoRows: every generated data row is visible after the load,
// for every kind — no two rows of a file share a natural key, so none
// collapses into another in the *_current views.
func TestDemoLosesNoRows(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	dir := t.TempDir()
	files, err := demo.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	reps, err := demo.Load(ctx, d.Conn, dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != len(files) {
		t.Fatalf("%d reports for %d files", len(reps), len(files))
	}
	for i, f := range files {
		k, ok := ingest.KindByCode(f.Kind)
		if !ok {
			t.Fatalf("%s: unknown kind %s", f.Path, f.Kind)
		}
		var shown uint64
		if err := d.Conn.QueryRow(ctx, "SELECT count() FROM "+k.Table+"_current WHERE source_id = ?", reps[i].SourceID).Scan(&shown); err != nil {
			t.Fatal(err)
		}
		if f.Rows == 0 || reps[i].Rows != f.Rows || reps[i].Accepted != f.Rows || shown != uint64(f.Rows) {
			t.Errorf("%s (%s): generated %d data rows, read %d, accepted %d, %d shown in %s_current",
				filepath.Base(f.Path), f.Kind, f.Rows, reps[i].Rows, reps[i].Accepted, shown, k.Table)
		}
	}
}
