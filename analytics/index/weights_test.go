package index

import (
	"math"
	"strings"
	"testing"
)

func TestDefaultConfig(t *testing.T) {
	cfg := DefaultConfig()
	if cfg.Version != "2026-2" || len(cfg.Pillars) != 6 || cfg.BasePeriod != "2018" || cfg.Coupling == nil {
		t.Fatalf("default: version %q, %d pillars, base %q, coupling %v", cfg.Version, len(cfg.Pillars), cfg.BasePeriod, cfg.Coupling)
	}
	want := []string{"platform", "project", "funding", "transfer", "talent", "ecosystem"}
	codes := cfg.flatten().codes
	for k, p := range cfg.Pillars {
		if p.Code != want[k] || p.NameZH == "" || p.NameEN == "" {
			t.Errorf("pillar %d = %q %q %q, want %q with names", k, p.Code, p.NameZH, p.NameEN, want[k])
		}
	}
	if len(codes) != 9 {
		t.Errorf("%d indicators, want 9: %v", len(codes), codes)
	}
	if err := cfg.Validate(nil); err != nil {
		t.Error(err)
	}
}

func TestLoadWeightsErrorsNameTheField(t *testing.T) {
	cases := map[string]string{
		`{"pillars": []}`: `field "version" is required`,
		`{"version": "x", "pillars": [{"code": "p", "weight": 1, "indicators": [{"code": "i", "wieght": 1, "direction": 1}]}]}`:   `unknown field "wieght"`,
		`{"version": "x", "pillars": [{"code": "p", "weight": 1, "indicators": [{"code": "i", "weight": "1", "direction": 1}]}]}`: `weight": want a float64, got a JSON string`,
		`{"version": "x", "pillars": [{"code": "p", "weight": 1, "indicators": [{"code": "i", "weight": -1, "direction": 1}]}]}`:  `indicator "i" (pillar "p"): weight -1: must be > 0`,
		`{"version": "x", "pillars": [{"code": "p", "weight": 1, "indicators": [{"code": "i", "weight": 1}]}]}`:                   `indicator "i" (pillar "p"): direction 0`,
		`{"version": "x", "pillars": []} {}`: `trailing data`,
		`{"version": "x", "pillars": []}`:    `no pillar`,
	}
	for in, want := range cases {
		_, err := LoadWeights(strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "index: ") {
			t.Errorf("LoadWeights(%s)\n err = %v\nwant %q", in, err, want)
		}
	}
}

// TestValidateRejects is the property "weights validation rejects negative,
// zero, non-summing and unknown codes", each error naming code and value.
func TestValidateRejects(t *testing.T) {
	cases := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"negative indicator", func(c *Config) { c.Pillars[0].Indicators[0].Weight = -0.5 }, `indicator "a1" (pillar "alpha"): weight -0.5: must be > 0`},
		{"zero indicator", func(c *Config) { c.Pillars[0].Indicators[1].Weight = 0 }, `indicator "a2" (pillar "alpha"): weight 0: must be > 0`},
		{"NaN indicator", func(c *Config) { c.Pillars[0].Indicators[1].Weight = math.NaN() }, `weight NaN`},
		{"zero pillar", func(c *Config) { c.Pillars[1].Weight = 0 }, `pillar "beta": weight 0: must be > 0`},
		{"negative pillar", func(c *Config) { c.Pillars[1].Weight = -0.5; c.Pillars[0].Weight = 1.5 }, `pillar "beta": weight -0.5`},
		{"indicators not summing", func(c *Config) { c.Pillars[0].Indicators[0].Weight = 0.6 }, `pillar "alpha": indicator weights sum to 1.1, want 1`},
		{"pillars not summing", func(c *Config) { c.Pillars[0].Weight = 0.4 }, `pillar weights sum to 0.9, want 1`},
		{"off by more than 1e-9", func(c *Config) { c.Pillars[0].Weight = 0.5 + 2e-9 }, `pillar weights sum to`},
		{"direction", func(c *Config) { c.Pillars[1].Indicators[0].Direction = 2 }, `indicator "b1" (pillar "beta"): direction 2`},
		{"target", func(c *Config) { c.Pillars[1].Indicators[0].Target = ptr(-3) }, `indicator "b1" (pillar "beta"): target -3`},
		{"duplicate", func(c *Config) { c.Pillars[1].Indicators[0].Code = "a1" }, `indicator "a1": duplicate code`},
		{"normalisation", func(c *Config) { c.Normalisation = NormMinMaxFixed }, `robustness draws only`},
		{"aggregation", func(c *Config) { c.Aggregation = "harmonic" }, `aggregation "harmonic": unknown`},
		{"draws", func(c *Config) { c.Draws = MaxDraws + 1 }, `draws 100001`},
		{"cap", func(c *Config) { c.CapTarget = 90 }, `cap_target 90`},
		{"geo shift", func(c *Config) { c.GeoShift = -1 }, `geo_shift -1`},
		{"min base coverage", func(c *Config) { c.MinBaseCoverage = 1.5 }, `min_base_coverage 1.5`},
		{"excluded in a pillar", func(c *Config) { c.Excluded = []Excluded{{Code: "a1", Instead: "a2", Reason: ReasonPart}} }, `excluded "a1": it is also an indicator of a pillar`},
		{"excluded instead", func(c *Config) { c.Excluded = []Excluded{{Code: "a9", Instead: "a8", Reason: ReasonPart}} }, `excluded "a9": instead "a8": not an indicator of a pillar`},
		{"excluded reason", func(c *Config) { c.Excluded = []Excluded{{Code: "a9", Instead: "a1", Reason: "taste"}} }, `excluded "a9": reason "taste"`},
		{"coupling shares an indicator", func(c *Config) { c.Coupling = testCoupling(); c.Coupling.U2.Indicators[0].Code = "s1" }, `"s1": duplicate code`},
		{"coupling without reference", func(c *Config) { c.Coupling = testCoupling(); c.Coupling.U1.Indicators[0].Max = nil }, `field "max" (reference level) must be > 0`},
		{"unknown draw normalisation", func(c *Config) { c.DrawNormalisations = []string{"zscore"} }, `draw_normalisations[0] "zscore": unknown`},
		{"draw normalisation", func(c *Config) { c.DrawNormalisations = []string{NormTarget} }, `indicators without target: [a1 a2 b1]`},
		{"unknown code", func(c *Config) { c.Pillars[1].Indicators[0].Code = "b9" }, `indicator "b9": unknown indicator code (not in the data)`},
	}
	for _, c := range cases {
		cfg := fixtureConfig()
		c.edit(&cfg)
		err := cfg.Validate(fixtureData())
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
		if _, cerr := Compute(cfg, fixtureData()); cerr == nil {
			t.Errorf("%s: Compute accepted the invalid config", c.name)
		}
	}
	if err := fixtureConfig().Validate(fixtureData()); err != nil {
		t.Errorf("valid fixture rejected: %v", err)
	}
	// Within tolerance is accepted.
	cfg := fixtureConfig()
	cfg.Pillars[0].Weight = 0.5 + 1e-12
	if err := cfg.Validate(nil); err != nil {
		t.Errorf("1e-12 off rejected: %v", err)
	}
}

func TestDataValidation(t *testing.T) {
	cases := []struct {
		name string
		edit func(Data)
		want string
	}{
		{"negative", func(d Data) { d["a1"][1].Value = -4 }, `indicator "a1" period 2020: value -4: must be finite and ≥ 0`},
		{"infinite", func(d Data) { d["b1"][0].Value = math.Inf(1) }, `indicator "b1" period 2019: value +Inf`},
		{"duplicate period", func(d Data) { d["a2"][1].Period = "2019" }, `indicator "a2" period 2019: duplicate period`},
		{"empty period", func(d Data) { d["a2"][1].Period = "" }, `indicator "a2": a point has an empty period`},
		{"mixed grain", func(d Data) { d["a2"] = append(d["a2"], Point{Period: "2021Q1", Value: 1}) }, `mixed grains`},
	}
	for _, c := range cases {
		d := fixtureData()
		c.edit(d)
		err := fixtureConfig().Validate(d)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}
