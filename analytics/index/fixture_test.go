package index

import (
	"math"
	"strconv"
	"testing"
)

// fixtureConfig is the hand-computable method used by the golden tests:
//
//	pillar A "alpha" weight 0.5: a1 weight 0.5 (+1), a2 weight 0.5 (+1)
//	pillar B "beta"  weight 0.5: b1 weight 1.0 (−1, lower is better)
//
// so the overall weights are W(a1) = 0.25, W(a2) = 0.25, W(b1) = 0.5, and
// the base period is 2019.
func fixtureConfig() Config {
	return Config{
		Version: "test-1",
		Pillars: []Pillar{
			{Code: "alpha", NameZH: "甲", NameEN: "Alpha", Weight: 0.5, Indicators: []Indicator{
				{Code: "a1", Weight: 0.5, Direction: 1},
				{Code: "a2", Weight: 0.5, Direction: 1},
			}},
			{Code: "beta", NameZH: "乙", NameEN: "Beta", Weight: 0.5, Indicators: []Indicator{
				{Code: "b1", Weight: 1, Direction: -1},
			}},
		},
		BasePeriod: "2019",
		Draws:      -1, // golden tests check the headline; the band has its own tests
	}
}

// fixtureData is three years of raw values:
//
//	      2019  2020  2021
//	a1      10    20    40
//	a2       8     4     8
//	b1      60    15    30   (lower is better)
func fixtureData() Data {
	return Data{
		"a1": years(2019, 10, 20, 40),
		"a2": years(2019, 8, 4, 8),
		"b1": years(2019, 60, 15, 30),
	}
}

// years builds consecutive yearly points from first; NaN means missing.
func years(first int, vals ...float64) []Point {
	out := make([]Point, len(vals))
	for k, v := range vals {
		out[k] = Point{Period: strconv.Itoa(first + k), Value: v}
	}
	return out
}

func ptr(x float64) *float64 { return &x }

// near compares with an absolute tolerance, treating NaN as equal to NaN.
func near(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= tol
}

func checkSeries(t *testing.T, name string, got []float64, want ...float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d values %v, want %d %v", name, len(got), got, len(want), want)
	}
	for k := range want {
		if !near(got[k], want[k], 1e-9) {
			t.Errorf("%s[%d] = %.12g, want %.12g", name, k, got[k], want[k])
		}
	}
}

func mustCompute(t testing.TB, cfg Config, data Data) *Result {
	t.Helper()
	res, err := Compute(cfg, data)
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	return res
}

func indicator(t *testing.T, res *Result, code string) IndicatorResult {
	t.Helper()
	for _, ind := range res.Indicators {
		if ind.Code == code {
			return ind
		}
	}
	t.Fatalf("no indicator %q in result", code)
	return IndicatorResult{}
}
