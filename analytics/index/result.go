package index

// Result is the index with everything needed to explain it. All series are
// aligned with Periods; missing values are null in JSON.
type Result struct {
	// WeightsVersion is Config.Version, so a number can be traced to a file.
	WeightsVersion string   `json:"weights_version,omitempty"`
	Periods        []string `json:"periods"`
	// Base is the configured base period (100 under base normalisation),
	// also when a period filter leaves it out of Periods.
	Base          string `json:"base"`
	Normalisation string `json:"normalisation"`
	Aggregation   string `json:"aggregation"`
	// Headline is Arithmetic or Geometric, whichever Aggregation names: the
	// one central value; the other aggregation is part of the band.
	Headline   Series `json:"headline"`
	Arithmetic Series `json:"arithmetic"`
	// Geometric is arithmetic within pillars and a shifted geometric mean
	// across them (weightSet.geometricAt).
	Geometric Series `json:"geometric"`
	// Disagree is true when |arithmetic−geometric|/arithmetic exceeds
	// DisagreeThreshold in any period (listed in DisagreePeriods); the
	// method note says so, and the band covers both.
	Disagree        bool              `json:"disagree"`
	DisagreePeriods []string          `json:"disagree_periods"`
	Band            Band              `json:"band"`
	Pillars         []PillarResult    `json:"pillars"`
	Indicators      []IndicatorResult `json:"indicators"`
	// Coverage is the share of the total weight carried by indicators with a
	// reported value in each period, 0–1: imputed values, unreported ones
	// and indicators without a base value do not count.
	Coverage Series `json:"coverage"`
	// Unreported lists, per period, the indicators with no value there (and
	// none carried): they are missing, not 0, and their weight goes to the
	// indicators present.
	Unreported [][]string `json:"unreported"`
	// Imputed lists, per period, the stock indicators whose last reported
	// value was carried forward.
	Imputed [][]string `json:"imputed"`
	// MissingPillars lists, per period, the pillars with no indicator
	// present; their weight goes to the other pillars.
	MissingPillars [][]string `json:"missing_pillars"`
	// NoBase lists the indicators left out of every period because they have
	// no value > 0 in the base period (they cannot be normalised against it).
	NoBase []string `json:"no_base"`
	// ApproxIndicators lists, per period, the indicators whose value is an
	// approximate lower bound ("30余" counted as 30).
	ApproxIndicators [][]string `json:"approx_indicators"`
	// Correlation is the indicator correlation matrix over the full series
	// (the Handbook's correlation step), candidates left out included.
	Correlation *Correlation `json:"correlation,omitempty"`
	Warnings    []string     `json:"warnings"`
}

// PillarResult is one pillar's series.
type PillarResult struct {
	Code   string  `json:"code"`
	NameZH string  `json:"name_zh,omitempty"`
	NameEN string  `json:"name_en,omitempty"`
	Weight float64 `json:"weight"`
	// Arithmetic is the pillar score on the index scale: the weighted mean
	// of the indicators present.
	Arithmetic Series `json:"arithmetic"`
	// Contribution is the pillar's share of the arithmetic index (the sum of
	// its indicators' contributions).
	Contribution Series `json:"contribution"`
	// Coverage is the share of the pillar's indicator weight reported.
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
