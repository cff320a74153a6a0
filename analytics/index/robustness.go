package index

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
)

// pcgStream is the second PCG seed word. It is fixed so that Config.Seed
// alone determines the band.
const pcgStream = 0x5a49424f_434f5252 // "ZIBOCORR"

// variant is one normalisation precomputed for the draws: normalisation
// does not depend on the weights, so it is done once, not per draw.
type variant struct{ y [][]float64 }

// robustBand runs the Monte Carlo uncertainty analysis (Handbook step 7).
// Each draw multiplies every pillar and indicator weight by an independent
// factor from U[1−WeightSpread, 1+WeightSpread] and renormalises, then picks
// a normalisation uniformly from cfg.DrawNormalisations and an aggregation
// uniformly from arithmetic and geometric (the shifted geometric mean across
// pillars, which stays finite where a min-max score is 0).
//
// To be comparable with the headline, every draw is put on the headline's
// scale. Min-max draws are expressed as change since the base period in
// base-index points (normMinMaxSinceBase: a shift, then the conversion
// factor k of rangeToBase), which makes them 100 at the base. Then every
// draw is scaled so that its base-period value equals the headline's (100
// under base normalisation); this matters for target draws, whose level at
// the base is arbitrary. So the band measures uncertainty in the change
// since the base period, and its width at the base period is zero by
// construction.
func robustBand(cfg Config, f flat, m *matrix, base int, anchor float64, warns []string) (Band, []string, error) {
	b := Band{Seed: cfg.Seed, WeightSpread: WeightSpread}
	if cfg.Draws < 0 {
		return b, warns, nil
	}
	b.Draws = cfg.Draws
	b.Normalisations = cfg.DrawNormalisations
	b.Aggregations = []string{AggArithmetic, AggGeometric}
	vars := make([]variant, len(b.Normalisations))
	for k, n := range b.Normalisations {
		y, _, err := normalise(cfg, f, m, base, n)
		if err != nil {
			return b, warns, fmt.Errorf("%w (in the %q robustness draws; draw_normalisations can leave it out)", err, n)
		}
		vars[k] = variant{y: y}
		if n == NormMinMaxFixed {
			b.MinMaxScale = rangeToBase(f, m, base)
			warns = append(warns, flatSeriesWarnings(f, m)...)
		}
	}
	draws := runDraws(cfg, f, vars, base, anchor, len(m.periods))
	b.P5, b.P50, b.P95 = nanSeries(len(draws)), nanSeries(len(draws)), nanSeries(len(draws))
	for t, xs := range draws {
		if len(xs) == 0 {
			continue
		}
		sort.Float64s(xs)
		b.P5[t], b.P50[t], b.P95[t] = quantile7(xs, 0.05), quantile7(xs, 0.50), quantile7(xs, 0.95)
	}
	return b, warns, nil
}

// runDraws returns, per period, the finite anchored values of all draws.
// The order of random numbers (pillar factors, indicator factors,
// normalisation, aggregation) is part of the reproducibility contract.
func runDraws(cfg Config, f flat, vars []variant, base int, anchor float64, T int) [][]float64 {
	rng := rand.New(rand.NewPCG(cfg.Seed, pcgStream))
	out := make([][]float64, T)
	for t := range out {
		out[t] = make([]float64, 0, cfg.Draws)
	}
	w := f.w.clone()
	s := newScratch(len(w.pillar))
	psum := make([]float64, len(w.pillar))
	vals := make([]float64, T)
	for range cfg.Draws {
		perturb(f.w, w, rng, psum)
		v := vars[rng.IntN(len(vars))]
		geometric := rng.IntN(2) == 1
		for t := range vals {
			if geometric {
				vals[t] = w.geometricAt(v.y, t, s, cfg.GeoShift)
			} else {
				vals[t] = w.arithmeticAt(v.y, t, s)
			}
		}
		k := anchor / vals[base]
		for t, x := range vals {
			if x *= k; !math.IsNaN(x) && !math.IsInf(x, 0) {
				out[t] = append(out[t], x)
			}
		}
	}
	return out
}

// perturb writes into dst the weights of src, each multiplied by a factor
// from U[1−WeightSpread, 1+WeightSpread], renormalised to sum to 1 across
// pillars and within each pillar. psum is per-pillar scratch.
func perturb(src, dst weightSet, rng *rand.Rand, psum []float64) {
	factor := func() float64 { return 1 - WeightSpread + 2*WeightSpread*rng.Float64() }
	total := 0.0
	for p, pw := range src.pillar {
		dst.pillar[p] = pw * factor()
		total += dst.pillar[p]
	}
	for p := range dst.pillar {
		dst.pillar[p] /= total
	}
	clear(psum)
	for i, wi := range src.ind {
		dst.ind[i] = wi * factor()
		psum[src.pillarOf[i]] += dst.ind[i]
	}
	for i := range dst.ind {
		dst.ind[i] /= psum[src.pillarOf[i]]
	}
}

// quantile7 is the p-quantile of sorted xs by linear interpolation between
// order statistics (Hyndman & Fan type 7, the default of R and NumPy):
// h = (n−1)·p, q = x[⌊h⌋] + (h−⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
func quantile7(xs []float64, p float64) float64 {
	h := float64(len(xs)-1) * p
	lo := int(math.Floor(h))
	if lo+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[lo] + (h-float64(lo))*(xs[lo+1]-xs[lo])
}

// flatSeriesWarnings names series with no range, held at 100 in min-max draws.
func flatSeriesWarnings(f flat, m *matrix) []string {
	var out []string
	for i, code := range f.codes {
		if _, ok := minMax01(m.raw[i], 1); !ok {
			out = append(out, fmt.Sprintf("index: robustness: indicator %q has no range over the periods; its min-max score is held at 100", code))
		}
	}
	return out
}
