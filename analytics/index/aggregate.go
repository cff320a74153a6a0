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

// geometricAt is the weighted geometric index at period t, computed as the
// exponential of the weighted arithmetic mean of logarithms ly (logFloor).
func (w weightSet) geometricAt(ly [][]float64, t int, s *scratch) float64 {
	w.accumulate(ly, t, s)
	return math.Exp(w.combine(s))
}

// logFloor returns ln(max(y, eps)) and marks the floored cells. Values below
// eps, not only zeros, are floored: flooring only exact zeros would rank a 0
// above a 0.005.
func logFloor(y [][]float64, eps float64) (ly [][]float64, floored [][]bool) {
	ly = make([][]float64, len(y))
	floored = make([][]bool, len(y))
	for i, row := range y {
		ly[i] = make([]float64, len(row))
		floored[i] = make([]bool, len(row))
		for t, v := range row {
			if v < eps {
				v, floored[i][t] = eps, true
			}
			ly[i][t] = math.Log(v) // NaN stays NaN: missing
		}
	}
	return ly, floored
}
