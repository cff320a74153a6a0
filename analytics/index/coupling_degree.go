package index

import (
	"fmt"
	"math"
)

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
//     reference levels, as Coupling does.
//   - min-max scaling over the years shown: U = 0 then means "the worst year
//     in this span", and the grade of a year changes with the span. The
//     grades read as absolute only on fixed reference levels.
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
	g := GradeOf(pt.D)
	pt.Grade = &g
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
