package index

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Point is one observation of an indicator in a period.
type Point struct {
	// Period label; labels must sort chronologically as strings and share
	// one grain: "2019", "2021Q1", "2021-03".
	Period string  `json:"period"`
	Value  float64 `json:"value"`
	// Approx marks a lower bound such as "30余" (at least 30): it is counted
	// at that value and listed in Result.ApproxIndicators.
	Approx bool `json:"approx,omitempty"`
	// Missing marks a known gap; a NaN Value or an absent period is the same.
	Missing bool `json:"missing,omitempty"`
}

// Data maps an indicator code to its observations, in any order.
type Data map[string][]Point

func (p Point) missing() bool { return p.Missing || math.IsNaN(p.Value) }

// matrix is the data aligned to the union of periods, indicator-major.
type matrix struct {
	periods []string
	raw     [][]float64 // [indicator][period]; NaN where missing
	approx  [][]bool
	// imputed marks values carried forward (impute); nil before impute.
	imputed [][]bool
}

// buildMatrix aligns the series of codes on the sorted union of their
// periods, checking every point on the way.
func buildMatrix(codes []string, data Data) (*matrix, error) {
	var errs []error
	set := map[string]bool{}
	for _, c := range codes {
		pts, ok := data[c]
		if !ok {
			errs = append(errs, fmt.Errorf("index: indicator %q: unknown indicator code (not in the data)", c))
			continue
		}
		seen := map[string]bool{}
		for _, p := range pts {
			if err := checkPoint(c, p, seen); err != nil {
				errs = append(errs, err)
			}
			seen[p.Period] = true
			set[p.Period] = true
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	periods, err := sortPeriods(set)
	if err != nil {
		return nil, err
	}
	return fill(codes, data, periods), nil
}

// checkPoint rejects what no normalisation can use: negative counts and
// amounts, infinities, empty or duplicate periods.
func checkPoint(code string, p Point, seen map[string]bool) error {
	switch {
	case p.Period == "":
		return fmt.Errorf("index: indicator %q: a point has an empty period", code)
	case seen[p.Period]:
		return fmt.Errorf("index: indicator %q period %s: duplicate period", code, p.Period)
	case p.missing():
		return nil
	case math.IsInf(p.Value, 0) || p.Value < 0:
		return fmt.Errorf("index: indicator %q period %s: value %v: must be finite and ≥ 0", code, p.Period, p.Value)
	}
	return nil
}

// sortPeriods sorts period labels and insists on one grain, because
// "2021" sorts before "2021Q1" and a mixed series would be meaningless. No
// periods at all is not an error here: Compute reports it as a missing
// base period, which is what a reader needs to know.
func sortPeriods(set map[string]bool) ([]string, error) {
	if len(set) == 0 {
		return nil, nil
	}
	periods := make([]string, 0, len(set))
	for p := range set {
		periods = append(periods, p)
	}
	sort.Strings(periods)
	for _, p := range periods[1:] {
		if len(p) != len(periods[0]) {
			return nil, fmt.Errorf("index: periods %q and %q: mixed grains; use one grain (e.g. 2019 or 2021Q1)", periods[0], p)
		}
	}
	return periods, nil
}

func fill(codes []string, data Data, periods []string) *matrix {
	at := make(map[string]int, len(periods))
	for t, p := range periods {
		at[p] = t
	}
	m := &matrix{periods: periods}
	for _, c := range codes {
		raw := make([]float64, len(periods))
		approx := make([]bool, len(periods))
		for t := range raw {
			raw[t] = math.NaN()
		}
		for _, p := range data[c] {
			if !p.missing() {
				raw[at[p.Period]] = p.Value
				approx[at[p.Period]] = p.Approx
			}
		}
		m.raw = append(m.raw, raw)
		m.approx = append(m.approx, approx)
	}
	return m
}

// impute carries the last reported value of each stock indicator forward
// into the later periods that are not reported, and marks those cells
// (with the approximate flag of the value carried). Flows are not imputed:
// a flow not reported stays missing and its weight goes to the indicators
// present (explain). Nothing is carried backwards: before its first report
// a stock is missing too.
func (m *matrix) impute(f flat) {
	m.imputed = make([][]bool, len(m.raw))
	for i, row := range m.raw {
		m.imputed[i] = make([]bool, len(row))
		if !f.inds[i].Stock {
			continue
		}
		last, approx := math.NaN(), false
		for t, x := range row {
			switch {
			case !math.IsNaN(x):
				last, approx = x, m.approx[i][t]
			case !math.IsNaN(last):
				row[t], m.approx[i][t], m.imputed[i][t] = last, approx, true
			}
		}
	}
}

// without is a copy of m whose rows idx are missing in every period: the
// indicators that have no base value and so cannot be normalised.
func (m *matrix) without(idx []int) *matrix {
	out := *m
	out.raw = make([][]float64, len(m.raw))
	copy(out.raw, m.raw)
	for _, i := range idx {
		out.raw[i] = nanSeries(len(m.periods))
	}
	return &out
}
