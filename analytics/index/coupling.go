package index

import (
	"errors"
	"fmt"
	"math"
)

// Subsystem is one side of the coupling coordination model: the
// Jinan-side supply (U₁) or the Zibo-side absorption (U₂). Indicator
// weights sum to 1, each indicator has a reference level Max (U = 1 there),
// and the two subsystems share no indicator: built from the same
// activities, U₁ and U₂ would move together and C would sit near 1 by
// construction.
type Subsystem struct {
	Code       string      `json:"code"`
	NameZH     string      `json:"name_zh,omitempty"`
	NameEN     string      `json:"name_en,omitempty"`
	Indicators []Indicator `json:"indicators"`
}

// CouplingConfig is the coupling coordination model of the weights file.
type CouplingConfig struct {
	// Alpha and Beta weight U₁ and U₂ in T = αU₁ + βU₂; they sum to 1
	// (0 and 0 mean ½ each).
	Alpha float64   `json:"alpha"`
	Beta  float64   `json:"beta"`
	U1    Subsystem `json:"u1"`
	U2    Subsystem `json:"u2"`
}

// CouplingPoint is the model in one period. C, T, U₁ and U₂ are always
// reported beside D, because D alone hides whether a good grade comes from
// balance (C) or from level (T).
type CouplingPoint struct {
	Period string  `json:"period,omitempty"`
	U1     float64 `json:"u1"`
	U2     float64 `json:"u2"`
	C      float64 `json:"c"`
	T      float64 `json:"t"`
	D      float64 `json:"d"`
	// Grade is D's band; nil when the result is not graded (see Coupling).
	Grade *Grade `json:"grade,omitempty"`
}

// CouplingResult is the coupling coordination series.
type CouplingResult struct {
	U1    string  `json:"u1"`
	U2    string  `json:"u2"`
	Alpha float64 `json:"alpha"`
	Beta  float64 `json:"beta"`
	// Graded is true when the grades (良好协调 …) apply: U is scaled on
	// reference levels set for the whole corridor, so a grade is absolute
	// only for the corridor as a whole, not for one district or partner.
	Graded   bool            `json:"graded"`
	Points   []CouplingPoint `json:"points"`
	Warnings []string        `json:"warnings"`
}

// Coupling computes the coupling coordination degree per period. Each
// indicator is scaled on its reference level, y = min(1, x/Max), fixed in
// the configuration (not on the years shown), so a year's U, C, T and D are
// the same under any period filter and grades can be compared across
// years. U is the weighted mean of the indicators present (a missing one is
// left out and the others re-weighted; a stock not reported carries its
// last value, as in the index). Periods where either U has no indicator are
// skipped with a warning. graded says whether the data is the scope the
// reference levels were set for (the whole corridor); otherwise the points
// carry no grade. See CouplingDegree for the formula and its misuses.
func Coupling(cc CouplingConfig, data Data, graded bool) (*CouplingResult, error) {
	alpha, beta, err := checkAlphaBeta(cc.Alpha, cc.Beta)
	if err != nil {
		return nil, err
	}
	if err := cc.validate(); err != nil {
		return nil, err
	}
	u1, u2 := cc.U1, cc.U2
	codes := append(subsystemCodes(u1), subsystemCodes(u2)...)
	m, err := buildMatrix(codes, data)
	if err != nil {
		return nil, err
	}
	m.impute(flat{inds: append(append([]Indicator{}, u1.Indicators...), u2.Indicators...)})
	res := &CouplingResult{U1: u1.Code, U2: u2.Code, Alpha: alpha, Beta: beta, Graded: graded, Points: []CouplingPoint{}, Warnings: []string{}}
	v1 := res.subsystemValues(u1, m, 0)
	v2 := res.subsystemValues(u2, m, len(u1.Indicators))
	for t, p := range m.periods {
		if math.IsNaN(v1[t]) || math.IsNaN(v2[t]) {
			res.Warnings = append(res.Warnings, fmt.Sprintf("index: coupling: period %s skipped: a subsystem has no value", p))
			continue
		}
		pt, err := CouplingDegree(v1[t], v2[t], alpha, beta)
		if err != nil {
			return nil, fmt.Errorf("index: coupling: period %s: %w", p, err)
		}
		pt.Period = p
		if !graded {
			pt.Grade = nil
		}
		res.Points = append(res.Points, pt)
	}
	if len(res.Points) == 0 {
		return nil, fmt.Errorf("index: coupling: no period has values for both subsystems: %v", res.Warnings)
	}
	return res, nil
}

// validate checks both subsystems: weights, directions, reference levels,
// and that no indicator is in both.
func (cc CouplingConfig) validate() error {
	seen := map[string]bool{}
	var errs []error
	for _, s := range []Subsystem{cc.U1, cc.U2} {
		owner := fmt.Sprintf("subsystem %q", s.Code)
		errs = append(errs, checkIndicators(owner, s.Indicators, seen)...)
		for _, ind := range s.Indicators {
			if ind.Max == nil || !positive(*ind.Max) {
				errs = append(errs, fmt.Errorf("index: indicator %q (%s): field \"max\" (reference level) must be > 0", ind.Code, owner))
			}
		}
	}
	return errors.Join(errs...)
}

// subsystemValues is U per period for the subsystem whose indicators start
// at row first of m; NaN where no indicator has a value.
func (r *CouplingResult) subsystemValues(s Subsystem, m *matrix, first int) []float64 {
	T := len(m.periods)
	sum, avail := make([]float64, T), make([]float64, T)
	for k, ind := range s.Indicators {
		for t, x := range m.raw[first+k] {
			if math.IsNaN(x) {
				continue
			}
			v := x / *ind.Max
			if ind.Direction < 0 {
				v = *ind.Max / x // 0 is infinitely good: scores 1 below
			}
			if v > 1 {
				r.Warnings = append(r.Warnings, fmt.Sprintf("index: coupling: indicator %q period %s: %v is past its reference level %v; counted as 1", ind.Code, m.periods[t], x, *ind.Max))
			}
			sum[t] += ind.Weight * math.Min(1, v)
			avail[t] += ind.Weight
		}
	}
	for t := range sum {
		sum[t] = math.Min(1, sum[t]/avail[t]) // 0/0 → NaN: no value; min: rounding
	}
	return sum
}

func subsystemCodes(s Subsystem) []string {
	out := make([]string, len(s.Indicators))
	for k, ind := range s.Indicators {
		out[k] = ind.Code
	}
	return out
}
