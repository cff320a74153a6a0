package index

import (
	"errors"
	"fmt"
	"math"
)

// Subsystem is one side of the coupling coordination model, e.g. the
// Jinan-side supply (U₁) or the Zibo-side uptake (U₂). Indicator weights sum
// to 1; Target is ignored.
type Subsystem struct {
	Code       string      `json:"code"`
	NameZH     string      `json:"name_zh,omitempty"`
	NameEN     string      `json:"name_en,omitempty"`
	Indicators []Indicator `json:"indicators"`
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
	Grade  Grade   `json:"grade"`
}

// CouplingResult is the coupling coordination series.
type CouplingResult struct {
	U1       string          `json:"u1"`
	U2       string          `json:"u2"`
	Alpha    float64         `json:"alpha"`
	Beta     float64         `json:"beta"`
	Points   []CouplingPoint `json:"points"`
	Warnings []string        `json:"warnings"`
}

// CouplingDegree computes the two-subsystem coupling coordination degree:
//
//	C = 2·√(U₁·U₂)/(U₁+U₂)  (C = 0 when U₁ = U₂ = 0)
//	T = α·U₁ + β·U₂         (α + β = 1; α = β = 0 means 0.5 each)
//	D = √(C·T)
//
// U₁ and U₂ must be in [0, 1]. Common misuses in the literature, which this
// function guards against or the caller must avoid:
//   - C computed on un-normalised or differently scaled U (raw counts against
//     yuan): C is not invariant to rescaling one subsystem, so it then
//     measures the units, not coupling. Normalise both to [0, 1] on fixed
//     bounds, as Coupling does.
//   - n-subsystem variants: C = n·(∏Uᵢ)^(1/n)/ΣUᵢ and the "distance" variant
//     C = [∏Uᵢ/((ΣUᵢ)/n)ⁿ]^(1/n) agree for n = 2; the often-copied
//     √(U₁U₂/(U₁+U₂)²) without the factor 2 caps C at 0.5 and shifts every
//     grade; a k-th power variant changes the scale again.
//   - reading C as quality: with two subsystems 0 ≤ C ≤ 1 and C = 1 whenever
//     U₁ = U₂ > 0, however low both are, and C is flat near its maximum
//     (U₂ = 2·U₁ still gives C ≈ 0.94). That is why D includes T.
//
// With α = β = ½, D = (U₁·U₂)^(1/4) exactly.
func CouplingDegree(u1, u2, alpha, beta float64) (CouplingPoint, error) {
	alpha, beta, err := checkAlphaBeta(alpha, beta)
	if err != nil {
		return CouplingPoint{}, err
	}
	for _, u := range []struct {
		name string
		v    float64
	}{{"U1", u1}, {"U2", u2}} {
		if !(u.v >= 0 && u.v <= 1) {
			return CouplingPoint{}, fmt.Errorf("index: coupling: %s = %v: must be in [0, 1] (normalise first)", u.name, u.v)
		}
	}
	pt := CouplingPoint{U1: u1, U2: u2, T: alpha*u1 + beta*u2}
	if u1+u2 > 0 {
		pt.C = math.Min(1, 2*math.Sqrt(u1*u2)/(u1+u2)) // min: rounding at U₁ = U₂
	}
	pt.D = math.Min(1, math.Sqrt(pt.C*pt.T))
	pt.Grade = GradeOf(pt.D)
	return pt, nil
}

func checkAlphaBeta(alpha, beta float64) (float64, float64, error) {
	if alpha == 0 && beta == 0 {
		return 0.5, 0.5, nil
	}
	if !(alpha >= 0 && beta >= 0) || !(math.Abs(alpha+beta-1) <= Tolerance) {
		return 0, 0, fmt.Errorf("index: coupling: alpha %v and beta %v: must be ≥ 0 and sum to 1", alpha, beta)
	}
	return alpha, beta, nil
}

// Coupling computes the coupling coordination degree per period. Each
// subsystem value U is the weighted sum of its indicators normalised by
// min-max to [0, 1] with bounds fixed over all periods of the data (so U is
// in [0, 1] and comparable over time); a missing indicator is left out and
// the others re-weighted. An indicator with no range carries no information
// and is left out with a warning. Periods where either U has no indicator
// are skipped with a warning.
//
// Because the bounds are the worst and best periods observed, U = 0 means
// "the worst period in this span", not "no activity": D grades position
// within the span and changes when the span does. See CouplingDegree for
// the formula and its misuses.
func Coupling(u1, u2 Subsystem, data Data, alpha, beta float64) (*CouplingResult, error) {
	alpha, beta, err := checkAlphaBeta(alpha, beta)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	errs := append(checkIndicators(fmt.Sprintf("subsystem %q", u1.Code), u1.Indicators, seen),
		checkIndicators(fmt.Sprintf("subsystem %q", u2.Code), u2.Indicators, seen)...)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	codes := append(subsystemCodes(u1), subsystemCodes(u2)...)
	m, err := buildMatrix(codes, data)
	if err != nil {
		return nil, err
	}
	res := &CouplingResult{U1: u1.Code, U2: u2.Code, Alpha: alpha, Beta: beta, Points: []CouplingPoint{}, Warnings: []string{}}
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
		res.Points = append(res.Points, pt)
	}
	if len(res.Points) == 0 {
		return nil, fmt.Errorf("index: coupling: no period has values for both subsystems: %v", res.Warnings)
	}
	return res, nil
}

// subsystemValues is U per period for the subsystem whose indicators start
// at row first of m; NaN where no indicator has a value.
func (r *CouplingResult) subsystemValues(s Subsystem, m *matrix, first int) []float64 {
	T := len(m.periods)
	sum, avail := make([]float64, T), make([]float64, T)
	for k, ind := range s.Indicators {
		y, ok := minMax01(m.raw[first+k], ind.Direction)
		if !ok {
			r.Warnings = append(r.Warnings, fmt.Sprintf("index: coupling: indicator %q has no range over the periods; left out of %q", ind.Code, s.Code))
			continue
		}
		for t, v := range y {
			if !math.IsNaN(v) {
				sum[t] += ind.Weight * v
				avail[t] += ind.Weight
			}
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
