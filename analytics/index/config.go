package index

// Normalisation methods (Config.Normalisation, Config.DrawNormalisations).
const (
	// NormBase is the base-period index: 100·x_t/x_base, or 100·x_base/x_t
	// when lower is better. It suits two cities because it compares the
	// corridor with itself over time instead of one city with the other.
	NormBase = "base"
	// NormTarget is the distance to target: 100·x_t/target (100·target/x_t
	// when lower is better), capped at Config.CapTarget so one indicator far
	// past its target cannot carry the whole index.
	NormTarget = "target"
	// NormMinMaxFixed is min-max with bounds fixed over the whole time span
	// (European Innovation Scoreboard practice). It is an interval scale with
	// no meaningful base-period ratio, so it is used in robustness draws only.
	NormMinMaxFixed = "minmax_fixed"
)

// Aggregation methods (Config.Aggregation).
const (
	// AggArithmetic is the weighted arithmetic mean: fully compensatory.
	AggArithmetic = "arithmetic"
	// AggGeometric is arithmetic within pillars and a shifted weighted
	// geometric mean across them (see DefaultGeoShift): a weak pillar is
	// only partly offset by a strong one.
	AggGeometric = "geometric"
)

// Defaults and fixed parameters of the method.
const (
	// DefaultDraws is the number of Monte Carlo draws when Config.Draws is 0.
	DefaultDraws = 1000
	// MaxDraws bounds Config.Draws so a request cannot ask for unbounded work.
	MaxDraws = 100_000
	// DefaultCapTarget caps distance-to-target values (150 = 1.5 × target).
	DefaultCapTarget = 150.0
	// DefaultBasePeriod is the base year when Config.BasePeriod is empty:
	// 2018, the year before the first corridor agreements, so the index
	// reads as "integration since the corridor began".
	DefaultBasePeriod = "2018"
	// DefaultMinBaseCoverage is the share of the total weight that must have
	// a value > 0 in the base period for the index to be computed at all;
	// below it (a district with almost no base-year data) Compute returns a
	// *BaseError instead of an index built on a few indicators.
	DefaultMinBaseCoverage = 0.5
	// DefaultGeoShift is s in the geometric variant G = exp(Σ w·ln(P+s)) − s
	// across pillars: the base level 100. Without a shift one pillar at 0 (a
	// district with no new platform that year) sends the logarithm to −∞
	// and drags the whole mean towards 0; with it, a pillar at 0 counts as
	// the base level's logarithm less ln 2 and compensation stays partial.
	DefaultGeoShift = 100.0
	// Tolerance is how far weight sums may be from 1.
	Tolerance = 1e-9
	// DisagreeThreshold is the relative gap |arith−geo|/arith above which the
	// two aggregations are said to disagree and both must be shown.
	DisagreeThreshold = 0.05
	// WeightSpread is the half-width of the uniform weight perturbation in
	// the robustness draws: each weight is multiplied by U[0.75, 1.25].
	WeightSpread = 0.25
)

// Indicator is one measured quantity inside a pillar.
type Indicator struct {
	Code   string `json:"code"`
	NameZH string `json:"name_zh,omitempty"`
	NameEN string `json:"name_en,omitempty"`
	Unit   string `json:"unit,omitempty"`
	// Weight within the pillar; the weights of a pillar sum to 1.
	Weight float64 `json:"weight"`
	// Direction is +1 when higher is better, −1 when lower is better. It has
	// no default: a silent +1 on a cost-type indicator would invert it.
	Direction int `json:"direction"`
	// Target is the value that scores 100 under NormTarget; nil if none.
	Target *float64 `json:"target,omitempty"`
	// Stock marks a level (firms, carriers recognised so far) rather than a
	// yearly flow: when a period is not reported, the last reported value
	// is carried forward and flagged as imputed. Flows are never imputed.
	Stock bool `json:"stock,omitempty"`
	// Max is the reference level that scores 1 in the coupling model
	// (U = min(1, x/Max)); used by coupling subsystems only.
	Max *float64 `json:"max,omitempty"`
}

// Pillar groups indicators of one dimension of integration.
type Pillar struct {
	Code   string `json:"code"`
	NameZH string `json:"name_zh,omitempty"`
	NameEN string `json:"name_en,omitempty"`
	// Weight of the pillar in the index; pillar weights sum to 1.
	Weight     float64     `json:"weight"`
	Indicators []Indicator `json:"indicators"`
}

// Config is the complete method: weights plus options. Zero values of the
// options mean the documented defaults, so a Config loaded from a weights
// file can be computed as is.
type Config struct {
	// Version of the weights file, shown in the method note.
	Version string   `json:"version,omitempty"`
	Pillars []Pillar `json:"pillars"`
	// BasePeriod is the base of the index (100 under NormBase) and the
	// anchor of the robustness band; empty means DefaultBasePeriod. It is
	// configuration, never derived from the data, so a period filter or a
	// new year of data cannot move it.
	BasePeriod string `json:"base_period,omitempty"`
	// MinBaseCoverage is the share of the weight that needs a base-period
	// value; 0 means DefaultMinBaseCoverage.
	MinBaseCoverage float64 `json:"min_base_coverage,omitempty"`
	// Normalisation of the headline: NormBase (default) or NormTarget.
	Normalisation string `json:"normalisation,omitempty"`
	// Aggregation of the headline: AggArithmetic (default) or AggGeometric.
	Aggregation string `json:"aggregation,omitempty"`
	// Draws is the number of Monte Carlo draws: 0 means DefaultDraws, a
	// negative number switches the robustness band off.
	Draws int `json:"draws,omitempty"`
	// Seed of the PCG generator: same seed, same band.
	Seed uint64 `json:"seed"`
	// CapTarget caps NormTarget values; 0 means DefaultCapTarget.
	CapTarget float64 `json:"cap_target,omitempty"`
	// TargetFallback base-normalises indicators without a target under
	// NormTarget instead of failing.
	TargetFallback bool `json:"target_fallback,omitempty"`
	// GeoShift is s of the shifted geometric mean across pillars; 0 means
	// DefaultGeoShift.
	GeoShift float64 `json:"geo_shift,omitempty"`
	// DrawNormalisations restricts the normalisations the robustness draws
	// pick from; empty means NormBase and NormMinMaxFixed, plus NormTarget
	// when every indicator has a target.
	DrawNormalisations []string `json:"draw_normalisations,omitempty"`
	// Excluded records the candidate indicators left out of the pillars
	// (the correlation step), with the indicator kept instead and why.
	Excluded []Excluded `json:"excluded,omitempty"`
	// Coupling configures the coupling coordination model; nil means none.
	Coupling *CouplingConfig `json:"coupling,omitempty"`
}

// withDefaults returns a copy with zero options replaced by their defaults.
func (c Config) withDefaults() Config {
	if c.Normalisation == "" {
		c.Normalisation = NormBase
	}
	if c.Aggregation == "" {
		c.Aggregation = AggArithmetic
	}
	if c.Draws == 0 {
		c.Draws = DefaultDraws
	}
	if c.CapTarget == 0 {
		c.CapTarget = DefaultCapTarget
	}
	if c.BasePeriod == "" {
		c.BasePeriod = DefaultBasePeriod
	}
	if c.MinBaseCoverage == 0 {
		c.MinBaseCoverage = DefaultMinBaseCoverage
	}
	if c.GeoShift == 0 {
		c.GeoShift = DefaultGeoShift
	}
	if len(c.DrawNormalisations) == 0 {
		c.DrawNormalisations = []string{NormBase, NormMinMaxFixed}
		if c.allTargets() {
			c.DrawNormalisations = append(c.DrawNormalisations, NormTarget)
		}
	}
	return c
}

// allTargets reports whether every indicator has a target.
func (c Config) allTargets() bool {
	for _, p := range c.Pillars {
		for _, ind := range p.Indicators {
			if ind.Target == nil {
				return false
			}
		}
	}
	return true
}
