package index

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// randomData gives every code of cfg nine years (2019–2027) of values. The
// first year is complete and positive (a valid base); later years have
// missing values and zeros, the cases re-weighting and ε must survive.
func randomData(rng *rand.Rand, cfg Config) Data {
	data := Data{}
	for _, code := range cfg.flatten().codes {
		scale := math.Pow(10, float64(rng.IntN(9))) // counts to yuan
		for y := 2019; y <= 2027; y++ {
			p := Point{Period: strconv.Itoa(y), Value: scale * (0.1 + rng.Float64())}
			if y > 2019 {
				switch r := rng.Float64(); {
				case r < 0.1:
					p.Missing = true
				case r < 0.15:
					p.Value = 0
				case r < 0.2:
					p.Approx = true
				}
			}
			data[code] = append(data[code], p)
		}
	}
	return data
}

// randomConfig perturbs the default weights so properties are not tied to
// equal weights.
func randomConfig(rng *rand.Rand) Config {
	cfg := DefaultConfig()
	cfg.Draws, cfg.BasePeriod = -1, "2019"
	w := cfg.flatten().w.clone()
	perturb(cfg.flatten().w, w, rng, make([]float64, len(w.pillar)))
	i := 0
	for p := range cfg.Pillars {
		cfg.Pillars[p].Weight = w.pillar[p]
		for k := range cfg.Pillars[p].Indicators {
			cfg.Pillars[p].Indicators[k].Weight = w.ind[i]
			i++
		}
	}
	return cfg
}

func TestPropertyBaseIs100(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 300; n++ {
		cfg := randomConfig(rng)
		res := mustCompute(t, cfg, randomData(rng, cfg))
		if res.Base != "2019" {
			t.Fatalf("base %q", res.Base)
		}
		if a, g := res.Arithmetic[0], res.Geometric[0]; !near(a, 100, 1e-9) || !near(g, 100, 1e-9) {
			t.Fatalf("draw %d: base period arithmetic %v geometric %v, want 100", n, a, g)
		}
	}
}

func TestPropertyContributionsAddUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 300; n++ {
		cfg := randomConfig(rng)
		data := randomData(rng, cfg)
		res := mustCompute(t, cfg, data)
		f := cfg.flatten()
		y := make([][]float64, len(res.Indicators))
		for i, ind := range res.Indicators {
			y[i] = ind.Normalised
		}
		s := newScratch(len(f.pillars))
		for tt := range res.Periods {
			byIndicator, byPillar := 0.0, 0.0
			for _, ind := range res.Indicators {
				if !math.IsNaN(ind.Contribution[tt]) {
					byIndicator += ind.Contribution[tt]
				}
			}
			for _, p := range res.Pillars {
				if !math.IsNaN(p.Contribution[tt]) {
					byPillar += p.Contribution[tt]
				}
			}
			// The independent route: weighted mean of pillar means.
			viaPillars := f.w.arithmeticAt(y, tt, s)
			a := res.Arithmetic[tt]
			tol := 1e-9 * math.Max(1, math.Abs(a))
			if !near(byIndicator, a, tol) || !near(byPillar, a, tol) || !near(viaPillars, a, tol) {
				t.Fatalf("draw %d %s: index %v, Σ indicator %v, Σ pillar %v, pillar route %v", n, res.Periods[tt], a, byIndicator, byPillar, viaPillars)
			}
			if c := res.Coverage[tt]; c < 0 || c > 1+1e-12 {
				t.Fatalf("coverage %v out of [0, 1]", c)
			}
		}
	}
}

func TestPropertyRaisingAValueNeverLowersTheIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 500; n++ {
		cfg := randomConfig(rng)
		if n%2 == 1 {
			cfg.Normalisation, cfg.TargetFallback = NormTarget, true
			cfg.Pillars[0].Indicators[0].Target = ptr(50)
		}
		data := randomData(rng, cfg)
		before := mustCompute(t, cfg, data)
		code := cfg.flatten().codes[rng.IntN(len(cfg.flatten().codes))]
		k := rng.IntN(9)
		if data[code][k].missing() {
			continue
		}
		data[code][k].Value *= 1 + rng.Float64()
		data[code][k].Value += rng.Float64()
		after := mustCompute(t, cfg, data)
		if after.Arithmetic[k] < before.Arithmetic[k]-1e-9*before.Arithmetic[k] {
			t.Fatalf("raising %s in %s lowered the index %v → %v", code, data[code][k].Period, before.Arithmetic[k], after.Arithmetic[k])
		}
	}
}
