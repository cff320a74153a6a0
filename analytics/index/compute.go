package index

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Compute runs the whole method on data: validate, impute stocks, anchor at
// the configured base period, normalise, aggregate both ways, explain, and
// draw the robustness band. Every period of data is computed; the value of
// a period depends on that period, the base period and (for carried
// stocks) earlier ones only, so cutting the result to a window afterwards
// (Result.Window) gives the same numbers whatever the window. Errors are
// wrapped "index: …" and name the indicator, period and value; a base
// period without enough data is a *BaseError (errors.Is ErrNoBase).
func Compute(cfg Config, data Data) (*Result, error) {
	cfg = cfg.withDefaults()
	if err := errors.Join(append(cfg.validateWeights(), cfg.validateOptions()...)...); err != nil {
		return nil, err
	}
	f := cfg.flatten()
	m, err := buildMatrix(f.codes, data)
	if err != nil {
		return nil, err
	}
	m.impute(f)
	base, noBase, err := anchor(cfg, f, m)
	if err != nil {
		return nil, err
	}
	work := m.without(noBase)
	y, warns, err := normalise(cfg, f, work, base, cfg.Normalisation)
	if err != nil {
		return nil, err
	}
	e := explain(cfg, f, m, y)
	res := &Result{
		WeightsVersion: cfg.Version, Periods: m.periods, Base: m.periods[base],
		Normalisation: cfg.Normalisation, Aggregation: cfg.Aggregation,
		Arithmetic: e.arith, Geometric: e.geo, Headline: e.arith,
		Pillars: e.pillars, Indicators: e.inds, Coverage: e.coverage,
		DisagreePeriods: []string{}, NoBase: []string{},
	}
	if cfg.Aggregation == AggGeometric {
		res.Headline = e.geo
	}
	for _, i := range noBase {
		res.NoBase = append(res.NoBase, f.codes[i])
	}
	res.ApproxIndicators = perPeriod(f, m, func(i, t int) bool { return m.approx[i][t] && !math.IsNaN(y[i][t]) })
	res.Imputed = perPeriod(f, m, func(i, t int) bool { return m.imputed[i][t] && !math.IsNaN(y[i][t]) })
	res.Unreported = perPeriod(f, m, func(i, t int) bool { return math.IsNaN(work.raw[i][t]) && !isIn(noBase, i) })
	res.MissingPillars = missingPillars(e.pillars, len(m.periods))
	res.markDisagreement()
	res.Band, warns, err = robustBand(cfg, f, work, base, res.Headline[base], warns)
	if err != nil {
		return nil, err
	}
	res.Correlation = correlate(cfg, f, data)
	res.Warnings = append(append([]string{}, warns...), res.dataWarnings(cfg, f, data)...)
	return res, nil
}

// perPeriod lists, for each period, the codes for which has(i, t) holds.
// Inner slices are never nil so JSON shows [] rather than null.
func perPeriod(f flat, m *matrix, has func(i, t int) bool) [][]string {
	out := make([][]string, len(m.periods))
	for t := range out {
		out[t] = []string{}
		for i, code := range f.codes {
			if has(i, t) {
				out[t] = append(out[t], code)
			}
		}
	}
	return out
}

// missingPillars lists, per period, the pillars without a score.
func missingPillars(ps []PillarResult, T int) [][]string {
	out := make([][]string, T)
	for t := range out {
		out[t] = []string{}
		for _, p := range ps {
			if math.IsNaN(p.Arithmetic[t]) {
				out[t] = append(out[t], p.Code)
			}
		}
	}
	return out
}

func isIn(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// markDisagreement compares the two aggregations period by period. An
// arithmetic index of 0 with any geometric value counts as disagreement.
func (r *Result) markDisagreement() {
	for t, a := range r.Arithmetic {
		g := r.Geometric[t]
		if math.IsNaN(a) || math.IsNaN(g) {
			continue
		}
		if math.Abs(a-g) > DisagreeThreshold*math.Abs(a) {
			r.Disagree = true
			r.DisagreePeriods = append(r.DisagreePeriods, r.Periods[t])
		}
	}
}

// dataWarnings reports what the reader of the index must know about its
// inputs beyond the per-period lists: indicators without a base value and
// data the configuration does not use. Coverage, unreported and imputed
// values are structured fields (Coverage, Unreported, Imputed), so a
// window of the result keeps them right.
func (r *Result) dataWarnings(cfg Config, f flat, data Data) []string {
	var out []string
	if len(r.NoBase) > 0 {
		out = append(out, fmt.Sprintf("index: no value > 0 in the base period %s, left out of every period (their weight goes to the indicators present): %s", r.Base, strings.Join(r.NoBase, ", ")))
	}
	used := make(map[string]bool, len(f.codes))
	for _, c := range append(f.codes, cfg.otherCodes()...) {
		used[c] = true
	}
	var unused []string
	for c := range data {
		if !used[c] {
			unused = append(unused, c)
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		out = append(out, "index: data not used by the configuration: "+strings.Join(unused, ", "))
	}
	return out
}
