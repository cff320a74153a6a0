package index

// Result is the index with everything needed to explain it. All series are
// aligned with Periods; missing values are null in JSON.
type Result struct {
	// WeightsVersion is Config.Version, so a number can be traced to a file.
	WeightsVersion string   `json:"weights_version,omitempty"`
	Periods        []string `json:"periods"`
	// Base is the base period (100 under base normalisation).
	Base          string `json:"base"`
	Normalisation string `json:"normalisation"`
	Aggregation   string `json:"aggregation"`
	// Headline is Arithmetic or Geometric, whichever Aggregation names.
	Headline   Series `json:"headline"`
	Arithmetic Series `json:"arithmetic"`
	Geometric  Series `json:"geometric"`
	// Disagree is true when |arithmetic−geometric|/arithmetic exceeds
	// DisagreeThreshold in any period (listed in DisagreePeriods): then the
	// UI shows both lines.
	Disagree        bool              `json:"disagree"`
	DisagreePeriods []string          `json:"disagree_periods"`
	Band            Band              `json:"band"`
	Pillars         []PillarResult    `json:"pillars"`
	Indicators      []IndicatorResult `json:"indicators"`
	// Coverage is the share of the total weight carried by indicators with a
	// real (non-missing) value in each period, 0–1.
	Coverage Series `json:"coverage"`
	// ApproxIndicators lists, per period, the indicators whose value is an
	// approximate lower bound ("30余" counted as 30).
	ApproxIndicators [][]string `json:"approx_indicators"`
	// ZeroReplaced lists, per period, the indicators whose normalised value
	// was floored at Epsilon in the geometric mean.
	ZeroReplaced [][]string `json:"zero_replaced"`
	Warnings     []string   `json:"warnings"`
}

// PillarResult is one pillar's series.
type PillarResult struct {
	Code   string  `json:"code"`
	NameZH string  `json:"name_zh,omitempty"`
	NameEN string  `json:"name_en,omitempty"`
	Weight float64 `json:"weight"`
	// Arithmetic and Geometric are the pillar scores on the index scale.
	Arithmetic Series `json:"arithmetic"`
	Geometric  Series `json:"geometric"`
	// Contribution is the pillar's share of the arithmetic index (the sum of
	// its indicators' contributions).
	Contribution Series `json:"contribution"`
	// Coverage is the share of the pillar's indicator weight present.
	Coverage Series `json:"coverage"`
}

// IndicatorResult shows one indicator from raw value to contribution.
type IndicatorResult struct {
	Code      string `json:"code"`
	Pillar    string `json:"pillar"`
	NameZH    string `json:"name_zh,omitempty"`
	NameEN    string `json:"name_en,omitempty"`
	Unit      string `json:"unit,omitempty"`
	Direction int    `json:"direction"`
	// Weight is the nominal overall weight Wᵢ = pillar weight × indicator
	// weight.
	Weight     float64 `json:"weight"`
	Raw        Series  `json:"raw"`
	Normalised Series  `json:"normalised"`
	// EffectiveWeight is Wᵢ after re-weighting for missing values in that
	// period; equal to Weight when the period is complete.
	EffectiveWeight Series `json:"effective_weight"`
	// Contribution is EffectiveWeight·Normalised; contributions add up to
	// the arithmetic index.
	Contribution Series `json:"contribution"`
}

// Band is the Monte Carlo robustness band around the headline.
type Band struct {
	P5  Series `json:"p5"`
	P50 Series `json:"p50"`
	P95 Series `json:"p95"`
	// Draws is the number of draws; 0 when the band is switched off.
	Draws          int      `json:"draws"`
	Seed           uint64   `json:"seed"`
	Normalisations []string `json:"normalisations"`
	Aggregations   []string `json:"aggregations"`
	WeightSpread   float64  `json:"weight_spread"`
	// MinMaxScale is k, the base-index points per full range that converts
	// min-max draws to the headline's units (see rangeToBase); 0 when no
	// min-max draws were made.
	MinMaxScale float64 `json:"minmax_scale,omitempty"`
}
