package index

import "math"

// explained is the headline computation in full detail.
type explained struct {
	arith, geo, coverage Series
	pillars              []PillarResult
	inds                 []IndicatorResult
	floored              [][]bool
}

// explain aggregates the normalised values y period by period, keeping every
// intermediate: pillar scores, effective weights and contributions. The
// arithmetic index is computed as the sum of the contributions, so they add
// up to it by construction; the pillar route (weightSet.arithmeticAt) gives
// the same number within rounding, which the tests check.
func explain(cfg Config, f flat, m *matrix, y [][]float64) explained {
	T := len(m.periods)
	ly, floored := logFloor(y, cfg.Epsilon)
	e := explained{arith: nanSeries(T), geo: nanSeries(T), coverage: make(Series, T), floored: floored}
	e.pillars = newPillarResults(f, T)
	e.inds = newIndicatorResults(f, m, y)
	s := newScratch(len(f.pillars))
	for t := 0; t < T; t++ {
		f.w.accumulate(y, t, s)
		den := 0.0
		for p, pw := range f.w.pillar {
			e.pillars[p].Coverage[t] = s.avail[p]
			e.coverage[t] += pw * s.avail[p]
			if s.avail[p] > 0 {
				den += pw
				e.pillars[p].Arithmetic[t] = s.sum[p] / s.avail[p]
				e.pillars[p].Contribution[t] = 0
			}
		}
		if den == 0 {
			continue
		}
		e.arith[t] = e.contribute(f, y, t, s, den)
		f.w.accumulate(ly, t, s)
		logIndex := 0.0
		for p, pw := range f.w.pillar {
			if s.avail[p] > 0 {
				e.pillars[p].Geometric[t] = math.Exp(s.sum[p] / s.avail[p])
				logIndex += pw / den * s.sum[p] / s.avail[p]
			}
		}
		e.geo[t] = math.Exp(logIndex)
	}
	return e
}

// contribute fills effective weights and contributions at t, given the
// per-pillar available weights in s and the present pillar weight den.
func (e *explained) contribute(f flat, y [][]float64, t int, s *scratch, den float64) float64 {
	total := 0.0
	for i, wi := range f.w.ind {
		v := y[i][t]
		if math.IsNaN(v) {
			continue
		}
		p := f.w.pillarOf[i]
		ew := f.w.pillar[p] / den * (wi / s.avail[p])
		c := ew * v
		e.inds[i].EffectiveWeight[t] = ew
		e.inds[i].Contribution[t] = c
		e.pillars[p].Contribution[t] += c
		total += c
	}
	return total
}

func newPillarResults(f flat, T int) []PillarResult {
	out := make([]PillarResult, len(f.pillars))
	for p, pl := range f.pillars {
		out[p] = PillarResult{
			Code: pl.Code, NameZH: pl.NameZH, NameEN: pl.NameEN, Weight: pl.Weight,
			Arithmetic: nanSeries(T), Geometric: nanSeries(T),
			Contribution: nanSeries(T), Coverage: make(Series, T),
		}
	}
	return out
}

func newIndicatorResults(f flat, m *matrix, y [][]float64) []IndicatorResult {
	T := len(m.periods)
	out := make([]IndicatorResult, len(f.codes))
	for i, ind := range f.inds {
		p := f.w.pillarOf[i]
		out[i] = IndicatorResult{
			Code: ind.Code, Pillar: f.pillars[p].Code,
			NameZH: ind.NameZH, NameEN: ind.NameEN, Unit: ind.Unit,
			Direction: ind.Direction, Weight: f.w.pillar[p] * ind.Weight,
			Raw: append(Series(nil), m.raw[i]...), Normalised: Series(y[i]),
			EffectiveWeight: nanSeries(T), Contribution: nanSeries(T),
		}
	}
	return out
}
