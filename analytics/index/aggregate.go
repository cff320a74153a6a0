package index

import "math"

// weightSet holds the weights in flat indicator order: pillar[p] is a
// pillar weight, ind[i] an indicator weight within its pillar pillarOf[i].
type weightSet struct {
	pillar   []float64
	ind      []float64
	pillarOf []int
}

func (w weightSet) clone() weightSet {
	return weightSet{
		pillar:   append([]float64(nil), w.pillar...),
		ind:      append([]float64(nil), w.ind...),
		pillarOf: w.pillarOf,
	}
}

// scratch holds per-pillar sums, reused across periods and draws so the
// Monte Carlo loop does not allocate.
type scratch struct{ avail, sum []float64 }

func newScratch(pillars int) *scratch {
	return &scratch{avail: make([]float64, pillars), sum: make([]float64, pillars)}
}

// accumulate sums, per pillar, the weights of the indicators present at t
// (avail) and their weighted values (sum). Missing indicators are skipped,
// which is the re-weighting: a pillar is the weighted mean of what it has.
func (w weightSet) accumulate(y [][]float64, t int, s *scratch) {
	clear(s.avail)
	clear(s.sum)
	for i, wi := range w.ind {
		v := y[i][t]
		if math.IsNaN(v) {
			continue
		}
		p := w.pillarOf[i]
		s.avail[p] += wi
		s.sum[p] += wi * v
	}
}

// combine is the weighted mean of the pillar means over the pillars that
// have at least one value; NaN when none has.
func (w weightSet) combine(s *scratch) float64 {
	num, den := 0.0, 0.0
	for p, pw := range w.pillar {
		if s.avail[p] > 0 {
			num += pw * s.sum[p] / s.avail[p]
			den += pw
		}
	}
	if den == 0 {
		return math.NaN()
	}
	return num / den
}

// arithmeticAt is the weighted arithmetic index at period t.
func (w weightSet) arithmeticAt(y [][]float64, t int, s *scratch) float64 {
	w.accumulate(y, t, s)
	return w.combine(s)
}

// geometricAt is the geometric variant at period t: arithmetic means
// within pillars (indicators of one dimension substitute for each other),
// then the shifted weighted geometric mean across the pillars present,
//
//	G = exp(Σₚ wₚ·ln(Pₚ + s) / Σₚ wₚ) − s,
//
// so a weak pillar is only partly offset by a strong one, yet a pillar at 0
// does not send the logarithm to −∞ (DefaultGeoShift). G = P when every
// pillar equals P, so the base period stays at 100.
func (w weightSet) geometricAt(y [][]float64, t int, s *scratch, shift float64) float64 {
	w.accumulate(y, t, s)
	num, den := 0.0, 0.0
	for p, pw := range w.pillar {
		if s.avail[p] > 0 {
			num += pw * math.Log(s.sum[p]/s.avail[p]+shift)
			den += pw
		}
	}
	if den == 0 {
		return math.NaN()
	}
	return math.Exp(num/den) - shift
}
