package index

import (
	"errors"
	"fmt"
	"math"
)

// normalise returns y[indicator][period] under method for the headline;
// indicators without target fall back to NormBase when allowed (validated).
func normalise(cfg Config, f flat, m *matrix, base int, method string) ([][]float64, []string, error) {
	y := make([][]float64, len(f.codes))
	var warns []string
	var errs []error
	k := 1.0
	if method == NormMinMaxFixed {
		k = rangeToBase(f, m, base)
	}
	for i, ind := range f.inds {
		switch {
		case method == NormTarget && ind.Target != nil:
			y[i] = normTarget(m.raw[i], *ind.Target, cfg.CapTarget, ind.Direction)
		case method == NormMinMaxFixed:
			y[i] = normMinMaxSinceBase(m.raw[i], base, ind.Direction, k)
		default:
			if method == NormTarget {
				warns = append(warns, fmt.Sprintf("index: indicator %q has no target; base-normalised (target_fallback)", ind.Code))
			}
			var err error
			if y[i], err = normBase(m.raw[i], base, ind.Direction, ind.Code, m.periods); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return y, warns, errors.Join(errs...)
}

// normBase is the base-period index. 100·(x/x_base) rather than
// 100·x/x_base so the base period itself is exactly 100 (x/x is exactly 1).
func normBase(raw []float64, base, dir int, code string, periods []string) ([]float64, error) {
	xb := raw[base]
	out := make([]float64, len(raw))
	for t, x := range raw {
		switch {
		case math.IsNaN(x):
			out[t] = math.NaN()
		case dir > 0:
			out[t] = 100 * (x / xb)
		case x == 0:
			return nil, fmt.Errorf("index: indicator %q period %s: value 0 with direction -1 has no base-index value (100·x_base/x is unbounded); use target normalisation, which caps it", code, periods[t])
		default:
			out[t] = 100 * (xb / x)
		}
	}
	return out, nil
}

// normTarget is the distance to target, capped. With direction −1 a value
// of 0 is infinitely better than the target and so scores the cap.
func normTarget(raw []float64, target, limit float64, dir int) []float64 {
	out := make([]float64, len(raw))
	for t, x := range raw {
		if dir > 0 {
			out[t] = math.Min(limit, 100*(x/target))
		} else {
			out[t] = math.Min(limit, 100*(target/x))
		}
		if math.IsNaN(x) {
			out[t] = math.NaN()
		}
	}
	return out
}

// minMax01 scales a series to [0, 1] with bounds fixed over all its
// non-missing periods (not per period), direction applied. ok is false when
// the series has no range (constant or empty): min-max is undefined there.
func minMax01(raw []float64, dir int) (out []float64, ok bool) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range raw {
		if !math.IsNaN(x) {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	out = make([]float64, len(raw))
	for t, x := range raw {
		out[t] = (x - lo) / (hi - lo)
		if dir < 0 {
			out[t] = (hi - x) / (hi - lo)
		}
	}
	return out, hi > lo
}

// normMinMaxSinceBase is NormMinMaxFixed as the robustness draws use it:
// y = max(0, 100 + k·(s_t − s_base)), with s the min-max score on 0–100
// (bounds fixed over the whole span) and k from rangeToBase.
//
// Min-max scores are an interval scale (their zero is just the worst period
// observed), so they are anchored at the base by a shift, not a ratio: a
// ratio would divide by the base score, which is often exactly 0 for a
// growing series whose first full year is its minimum. The shift alone
// would leave them in "percent of range" while the headline is in "percent
// of base", and a series that triples would move 100 points under one and
// 200 under the other; k converts the units. A series with no range stays
// at 100. The floor at 0 is the lowest value the other normalisations give.
func normMinMaxSinceBase(raw []float64, base, dir int, k float64) []float64 {
	s, ok := minMax01(raw, dir)
	sb := s[base] // read before the loop overwrites s in place
	for t, x := range raw {
		switch {
		case math.IsNaN(x):
			s[t] = math.NaN()
		case !ok:
			s[t] = 100
		default:
			s[t] = math.Max(0, 100+k*100*(s[t]-sb))
		}
	}
	return s
}

// rangeToBase is k = Σ Wᵢ·Rᵢ/x_base,i / Σ Wᵢ over indicators with a range
// Rᵢ = max − min: the weighted mean number of base-index points in one
// full range. With it, min-max draws reproduce the base index exactly when
// all indicators have proportional ranges (Rᵢ/x_base,i equal), so what they
// add to the band is only their different implicit weighting (1/Rᵢ instead
// of 1/x_base,i), which is the substance of choosing min-max.
func rangeToBase(f flat, m *matrix, base int) float64 {
	num, den := 0.0, 0.0
	for i, raw := range m.raw {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, x := range raw {
			if !math.IsNaN(x) {
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
		}
		if hi > lo {
			w := f.w.pillar[f.w.pillarOf[i]] * f.w.ind[i]
			num += w * (hi - lo) / raw[base]
			den += w
		}
	}
	if den == 0 {
		return 1
	}
	return num / den
}
