package analytics_test

import (
	"context"
	"errors"
	"math"
	"net/url"
	"testing"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/vocab"
)

func filter(t *testing.T, q string) analytics.Filter {
	t.Helper()
	v, _ := url.ParseQuery(q)
	f, err := analytics.ParseFilter(v.Get, vocab.DefaultAliases())
	if err != nil {
		t.Fatalf("filter %q: %v", q, err)
	}
	return f
}

func values(s analytics.Series) (out []float64, filled []bool) {
	for _, p := range s.Points {
		out = append(out, p.Value)
		filled = append(filled, p.Filled)
	}
	return
}

func eq(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9 {
			return false
		}
	}
	return true
}

func TestSeriesByHand(t *testing.T) {
	s := fixture(t, map[string]string{"p.csv": fxPlatforms, "f.csv": fxFunding})
	ctx := context.Background()
	// Platforms A (2019-03), B (2019-11), C (2021-05); range 2018–2021.
	// new per year: 2018 0 (filled), 2019 2, 2020 0 (filled), 2021 1
	// cumulative:   2018 0,          2019 2, 2020 2,          2021 3
	ss, err := s.Series(ctx, []string{"platforms_new", "platforms_cum"}, filter(t, "grain=year&from=2018&to=2021"))
	if err != nil {
		t.Fatal(err)
	}
	v, filled := values(ss[0])
	if !eq(v, []float64{0, 2, 0, 1}) || !filled[0] || filled[1] || !filled[2] {
		t.Fatalf("platforms_new %v filled %v", v, filled)
	}
	if v, _ := values(ss[1]); !eq(v, []float64{0, 2, 2, 3}) {
		t.Fatalf("platforms_cum %v, want 0 2 2 3", v)
	}
	if ss[0].Total != 3 || ss[1].Total != 3 {
		t.Fatalf("totals %v %v, want 3 (flow sum) and 3 (stock last)", ss[0].Total, ss[1].Total)
	}
	// YoY of the cumulative count in 2021: 3/2 − 1 = 0.5; in 2019 against 0: undefined.
	if y := ss[1].Points[3].YoY; y == nil || math.Abs(*y-0.5) > 1e-9 || ss[1].Points[1].YoY != nil {
		t.Fatalf("yoy %v / %v", ss[1].Points[3].YoY, ss[1].Points[1].YoY)
	}
	// CAGR 2019 → 2021 of the cumulative count: (3/2)^(1/2) − 1 ≈ 0.2247 (years by days, so 1e-3).
	if c := ss[1].CAGR; c == nil || math.Abs(*c-(math.Sqrt(1.5)-1)) > 1e-3 {
		t.Fatalf("cagr %v", c)
	}

	// Quarters of 2019: Q1 1, Q2 0, Q3 0, Q4 1.
	ss, err = s.Series(ctx, []string{"platforms_new"}, filter(t, "grain=quarter&from=2019Q1&to=2019Q4"))
	if v, _ := values(ss[0]); err != nil || !eq(v, []float64{1, 0, 0, 1}) || ss[0].Points[3].Period != "2019Q4" {
		t.Fatalf("quarters %v %v %v", v, err, ss[0].Points)
	}

	// Filters: 淄川 (A, C); partner 济大 → 济南大学 (B, C).
	ss, _ = s.Series(ctx, []string{"platforms_new"}, filter(t, "from=2019&to=2021&district=淄川"))
	if v, _ := values(ss[0]); !eq(v, []float64{1, 0, 1}) {
		t.Fatalf("district 淄川: %v", v)
	}
	ss, _ = s.Series(ctx, []string{"platforms_new"}, filter(t, "from=2019&to=2021&partner=济大"))
	if v, _ := values(ss[0]); !eq(v, []float64{1, 0, 1}) {
		t.Fatalf("partner 济大: %v", v)
	}

	// Funding in yuan: fiscal 2019 1,000,000; 2020 500,000. Total 2020 = 300,000 (30余万, a lower
	// bound, flagged approximate) + 500,000.
	ss, _ = s.Series(ctx, []string{"funding_fiscal", "funding_total"}, filter(t, "from=2019&to=2020"))
	if v, _ := values(ss[0]); !eq(v, []float64{1e6, 5e5}) {
		t.Fatalf("funding_fiscal %v", v)
	}
	if v, _ := values(ss[1]); !eq(v, []float64{1e6, 8e5}) || !ss[1].Points[1].Approx || ss[1].Points[0].Approx || !ss[1].Approx {
		t.Fatalf("funding_total %v %+v", v, ss[1].Points)
	}
}

func TestBreakdownByHand(t *testing.T) {
	s := fixture(t, map[string]string{"p.csv": fxPlatforms})
	ctx := context.Background()
	b, err := s.Breakdown(ctx, "platforms_cum", "partner", 0, filter(t, "to=2021"))
	if err != nil {
		t.Fatal(err)
	}
	// partners: 山东大学 (A, B) 2, 济南大学 (B, C) 2; B has both, so the total is 3
	// distinct platforms and each partner's share is 2/3 (shares add up to more than 1).
	if len(b.Rows) != 2 || b.Rows[0].Value != 2 || b.Rows[1].Value != 2 || b.Total != 3 || math.Abs(b.Rows[0].Share-2.0/3) > 1e-9 || !b.MultiValued {
		t.Fatalf("by partner %+v", b)
	}
	b, err = s.Breakdown(ctx, "platforms_new", "district", 1, filter(t, "from=2019&to=2021"))
	if err != nil || len(b.Rows) != 1 || b.Rows[0].Label != "淄川区" || b.Rows[0].Value != 2 || b.Other != 1 {
		t.Fatalf("by district top 1: %+v %v", b, err)
	}
	_, err = s.Breakdown(ctx, "platforms_new", "colour", 0, filter(t, ""))
	var pe *analytics.ParamError
	if !errors.As(err, &pe) || pe.Param != "by" {
		t.Fatalf("bad dimension: %v", err)
	}
}

func TestParseFilterErrorsNameTheParameter(t *testing.T) {
	for q, param := range map[string]string{
		"grain=week":        "grain",
		"from=2021-13":      "from",
		"from=2022&to=2021": "to",
		"district=淄州区":      "district",
		"level=galactic":    "level",
	} {
		v, _ := url.ParseQuery(q)
		_, err := analytics.ParseFilter(v.Get, vocab.DefaultAliases())
		var pe *analytics.ParamError
		if !errors.As(err, &pe) || pe.Param != param {
			t.Errorf("%s: %v, want a ParamError on %s", q, err, param)
		}
	}
}
