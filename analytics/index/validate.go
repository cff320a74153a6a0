package index

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Validate checks the configuration and, when data is not nil, the data
// against it. It returns every problem found (joined), each naming the
// pillar or indicator code, the field and the offending value, so an analyst
// editing a weights file can fix them all in one pass.
func (c Config) Validate(data Data) error {
	errs := append(c.validateWeights(), c.validateOptions()...)
	if data != nil {
		if _, err := buildMatrix(c.flatten().codes, data); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// validateWeights checks pillars, indicators and weights.
func (c Config) validateWeights() []error {
	if len(c.Pillars) == 0 {
		return []error{errors.New(`index: field "pillars": no pillar configured`)}
	}
	var errs []error
	seenP := map[string]bool{}
	seenI := map[string]bool{}
	sum := 0.0
	for k, p := range c.Pillars {
		name := p.Code
		switch {
		case p.Code == "":
			name = fmt.Sprintf("pillars[%d]", k)
			errs = append(errs, fmt.Errorf("index: pillar %s: field \"code\" is empty", name))
		case seenP[p.Code]:
			errs = append(errs, fmt.Errorf("index: pillar %q: duplicate code", p.Code))
		}
		seenP[p.Code] = true
		if !positive(p.Weight) {
			errs = append(errs, fmt.Errorf("index: pillar %q: weight %v: must be > 0", name, p.Weight))
		}
		sum += p.Weight
		errs = append(errs, checkIndicators(fmt.Sprintf("pillar %q", name), p.Indicators, seenI)...)
	}
	if !(math.Abs(sum-1) <= Tolerance) {
		errs = append(errs, fmt.Errorf("index: pillar weights sum to %v, want 1 (±%g)", sum, Tolerance))
	}
	errs = append(errs, c.validateExcluded()...)
	if c.Coupling != nil {
		if _, _, err := checkAlphaBeta(c.Coupling.Alpha, c.Coupling.Beta); err != nil {
			errs = append(errs, err)
		}
		if err := c.Coupling.validate(); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// checkIndicators checks one group of indicators whose weights must sum to 1
// (a pillar or a coupling subsystem). seen collects codes across groups,
// because an indicator counted twice would silently double its weight.
func checkIndicators(owner string, inds []Indicator, seen map[string]bool) []error {
	if len(inds) == 0 {
		return []error{fmt.Errorf("index: %s: field \"indicators\" is empty", owner)}
	}
	var errs []error
	sum := 0.0
	for k, ind := range inds {
		name := ind.Code
		switch {
		case ind.Code == "":
			name = fmt.Sprintf("indicators[%d]", k)
			errs = append(errs, fmt.Errorf("index: %s indicator %s: field \"code\" is empty", owner, name))
		case seen[ind.Code]:
			errs = append(errs, fmt.Errorf("index: indicator %q: duplicate code (%s)", ind.Code, owner))
		}
		seen[ind.Code] = true
		if !positive(ind.Weight) {
			errs = append(errs, fmt.Errorf("index: indicator %q (%s): weight %v: must be > 0", name, owner, ind.Weight))
		}
		if ind.Direction != 1 && ind.Direction != -1 {
			errs = append(errs, fmt.Errorf("index: indicator %q (%s): direction %d: must be 1 (higher is better) or -1", name, owner, ind.Direction))
		}
		if ind.Target != nil && !positive(*ind.Target) {
			errs = append(errs, fmt.Errorf("index: indicator %q (%s): target %v: must be > 0", name, owner, *ind.Target))
		}
		sum += ind.Weight
	}
	if !(math.Abs(sum-1) <= Tolerance) {
		errs = append(errs, fmt.Errorf("index: %s: indicator weights sum to %v, want 1 (±%g)", owner, sum, Tolerance))
	}
	return errs
}

// validateOptions checks everything in Config that is not a weight.
func (c Config) validateOptions() []error {
	var errs []error
	switch c.Normalisation {
	case "", NormBase, NormTarget:
	case NormMinMaxFixed:
		errs = append(errs, fmt.Errorf("index: normalisation %q: used in robustness draws only (it has no base-period ratio); use %q or %q", c.Normalisation, NormBase, NormTarget))
	default:
		errs = append(errs, fmt.Errorf("index: normalisation %q: unknown, want %q or %q", c.Normalisation, NormBase, NormTarget))
	}
	if c.Normalisation == NormTarget && !c.TargetFallback {
		if missing := c.withoutTarget(); len(missing) > 0 {
			errs = append(errs, fmt.Errorf("index: normalisation %q: indicators without target: %v (set targets or target_fallback)", NormTarget, missing))
		}
	}
	if c.Aggregation != "" && c.Aggregation != AggArithmetic && c.Aggregation != AggGeometric {
		errs = append(errs, fmt.Errorf("index: aggregation %q: unknown, want %q or %q", c.Aggregation, AggArithmetic, AggGeometric))
	}
	if c.Draws > MaxDraws {
		errs = append(errs, fmt.Errorf("index: draws %d: more than %d", c.Draws, MaxDraws))
	}
	if c.CapTarget != 0 && !(c.CapTarget >= 100 && !math.IsInf(c.CapTarget, 0)) {
		errs = append(errs, fmt.Errorf("index: cap_target %v: must be a finite number ≥ 100", c.CapTarget))
	}
	if c.GeoShift != 0 && !positive(c.GeoShift) {
		errs = append(errs, fmt.Errorf("index: geo_shift %v: must be a finite number > 0", c.GeoShift))
	}
	if c.MinBaseCoverage != 0 && !(c.MinBaseCoverage > 0 && c.MinBaseCoverage <= 1) {
		errs = append(errs, fmt.Errorf("index: min_base_coverage %v: must be in (0, 1]", c.MinBaseCoverage))
	}
	return append(errs, c.validateDrawNormalisations()...)
}

func (c Config) validateDrawNormalisations() []error {
	var errs []error
	for k, n := range c.DrawNormalisations {
		switch {
		case n != NormBase && n != NormTarget && n != NormMinMaxFixed:
			errs = append(errs, fmt.Errorf("index: draw_normalisations[%d] %q: unknown", k, n))
		case slices.Index(c.DrawNormalisations, n) != k:
			errs = append(errs, fmt.Errorf("index: draw_normalisations[%d] %q: duplicate", k, n))
		case n == NormTarget && !c.allTargets():
			errs = append(errs, fmt.Errorf("index: draw_normalisations[%d] %q: indicators without target: %v", k, n, c.withoutTarget()))
		}
	}
	return errs
}

// withoutTarget lists the indicator codes that have no target.
func (c Config) withoutTarget() []string {
	var out []string
	for _, p := range c.Pillars {
		for _, ind := range p.Indicators {
			if ind.Target == nil {
				out = append(out, ind.Code)
			}
		}
	}
	return out
}

// positive is false for NaN and ±Inf as well as for x ≤ 0.
func positive(x float64) bool { return x > 0 && !math.IsInf(x, 1) }
