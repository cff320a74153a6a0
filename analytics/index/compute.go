package index

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Compute runs the whole method on data: validate, choose the base period,
// normalise, aggregate both ways, explain, and draw the robustness band.
// Errors are wrapped "index: …" and name the indicator, period and value.
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
	base, err := basePeriod(cfg, f, m)
	if err != nil {
		return nil, err
	}
	y, warns, err := normalise(cfg, f, m, base, cfg.Normalisation)
	if err != nil {
		return nil, err
	}
	e := explain(cfg, f, m, y)
	res := &Result{
		WeightsVersion: cfg.Version, Periods: m.periods, Base: m.periods[base],
		Normalisation: cfg.Normalisation, Aggregation: cfg.Aggregation,
		Arithmetic: e.arith, Geometric: e.geo, Headline: e.arith,
		Pillars: e.pillars, Indicators: e.inds, Coverage: e.coverage,
		DisagreePeriods: []string{},
	}
	if cfg.Aggregation == AggGeometric {
		res.Headline = e.geo
	}
	res.ApproxIndicators = perPeriod(f, m, func(i, t int) bool { return m.approx[i][t] })
	res.ZeroReplaced = perPeriod(f, m, func(i, t int) bool { return e.floored[i][t] })
	res.markDisagreement()
	res.Band, warns, err = robustBand(cfg, f, m, base, res.Headline[base], warns)
	if err != nil {
		return nil, err
	}
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
// inputs: gaps, floored values and data the configuration does not use.
func (r *Result) dataWarnings(cfg Config, f flat, data Data) []string {
	var out []string
	for t, p := range r.Periods {
		if r.Coverage[t] >= 1-Tolerance {
			continue
		}
		var gaps []string
		for _, ind := range r.Indicators {
			if math.IsNaN(ind.Raw[t]) {
				gaps = append(gaps, ind.Code)
			}
		}
		out = append(out, fmt.Sprintf("index: period %s: coverage %.1f%% (missing: %s); the pillars were re-weighted over the indicators present", p, 100*r.Coverage[t], strings.Join(gaps, ", ")))
	}
	for t, codes := range r.ZeroReplaced {
		if len(codes) > 0 {
			out = append(out, fmt.Sprintf("index: period %s: geometric mean floored normalised values below ε=%g for %s", r.Periods[t], cfg.Epsilon, strings.Join(codes, ", ")))
		}
	}
	used := make(map[string]bool, len(f.codes))
	for _, c := range f.codes {
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
