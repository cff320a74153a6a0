package index

import "math"

// explained is the headline computation in full detail.
type explained struct {
	arith, geo, coverage Series
	pillars              []PillarResult
	inds                 []IndicatorResult
}

// explain aggregates the normalised values y period by period, keeping every
// intermediate: pillar scores, effective weights, contributions and
// coverage. The arithmetic index is computed as the sum of the
// contributions, so they add up to it by construction; the pillar route
// (weightSet.arithmeticAt) gives the same number within rounding, which the
// tests check. Missing values (NaN in y) are left out and the weights
// renormalised over what is present, within the pillar and, for a pillar
// with nothing present, across pillars.
func explain(cfg Config, f flat, m *matrix, y [][]float64) explained {
	T := len(m.periods)
	e := explained{arith: nanSeries(T), geo: nanSeries(T), coverage: make(Series, T)}
	e.pillars = newPillarResults(f, T)
	e.inds = newIndicatorResults(f, m, y)
	s := newScratch(len(f.pillars))
	for t := 0; t < T; t++ {
		for i := range f.codes {
			if !math.IsNaN(y[i][t]) && !m.imputed[i][t] {
				e.coverage[t] += f.overall(i)
				e.pillars[f.w.pillarOf[i]].Coverage[t] += f.w.ind[i]
			}
		}
		e.coverage[t] = math.Min(1, e.coverage[t]) // 1/6 + … + 1/6 can round past 1
		f.w.accumulate(y, t, s)
		den := 0.0
		for p, pw := range f.w.pillar {
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
		e.geo[t] = f.w.geometricAt(y, t, s, cfg.GeoShift)
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
			Arithmetic: nanSeries(T), Contribution: nanSeries(T), Coverage: make(Series, T),
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
