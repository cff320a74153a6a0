package index

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestGoldenBaseIndex(t *testing.T) {
	res := mustCompute(t, fixtureConfig(), fixtureData())
	if res.Base != "2019" {
		t.Fatalf("base = %q, want 2019 (configured)", res.Base)
	}
	// Base index y = 100·x/x_2019, and 100·x_2019/x for b1 (direction −1):
	//   a1: 100·10/10 = 100, 100·20/10 = 200, 100·40/10 = 400
	//   a2: 100·8/8   = 100, 100·4/8   =  50, 100·8/8   = 100
	//   b1: 100·60/60 = 100, 100·60/15 = 400, 100·60/30 = 200
	checkSeries(t, "a1", indicator(t, res, "a1").Normalised, 100, 200, 400)
	checkSeries(t, "a2", indicator(t, res, "a2").Normalised, 100, 50, 100)
	checkSeries(t, "b1", indicator(t, res, "b1").Normalised, 100, 400, 200)

	// Arithmetic pillars: A = (a1+a2)/2, B = b1.
	//   A: (100+100)/2 = 100, (200+50)/2 = 125, (400+100)/2 = 250
	//   index = (A+B)/2: (100+100)/2 = 100, (125+400)/2 = 262.5, (250+200)/2 = 225
	checkSeries(t, "pillar A arith", res.Pillars[0].Arithmetic, 100, 125, 250)
	checkSeries(t, "pillar B arith", res.Pillars[1].Arithmetic, 100, 400, 200)
	checkSeries(t, "arithmetic", res.Arithmetic, 100, 262.5, 225)
	checkSeries(t, "headline", res.Headline, 100, 262.5, 225)

	// Geometric variant: arithmetic pillars, then the geometric mean across
	// them shifted by s = 100: G = √((A+100)·(B+100)) − 100.
	//   2019: √(200·200) − 100 = 100
	//   2020: √(225·500) − 100 = √112500 − 100 = 235.41019662496845
	//   2021: √(350·300) − 100 = √105000 − 100 = 224.03703492039302
	checkSeries(t, "geometric", res.Geometric, 100, math.Sqrt(112500)-100, math.Sqrt(105000)-100)

	// Disagreement |arith−geo|/arith: 2020: 27.09/262.5 = 10.3 % > 5 %,
	// 2021: 0.96/225 = 0.4 %.
	if !res.Disagree || !reflect.DeepEqual(res.DisagreePeriods, []string{"2020"}) {
		t.Errorf("disagree = %v %v, want true [2020]", res.Disagree, res.DisagreePeriods)
	}
}

func TestGoldenContributions(t *testing.T) {
	res := mustCompute(t, fixtureConfig(), fixtureData())
	// Contribution = W·y with W(a1) = W(a2) = 0.25, W(b1) = 0.5:
	//   2020: a1 0.25·200 = 50, a2 0.25·50 = 12.5, b1 0.5·400 = 200 → 262.5
	//   2021: a1 0.25·400 = 100, a2 0.25·100 = 25, b1 0.5·200 = 100 → 225
	checkSeries(t, "a1", indicator(t, res, "a1").Contribution, 25, 50, 100)
	checkSeries(t, "a2", indicator(t, res, "a2").Contribution, 25, 12.5, 25)
	checkSeries(t, "b1", indicator(t, res, "b1").Contribution, 50, 200, 100)
	// Pillar A = a1 + a2: 50, 62.5, 125; pillar B = b1.
	checkSeries(t, "pillar A", res.Pillars[0].Contribution, 50, 62.5, 125)
	checkSeries(t, "pillar B", res.Pillars[1].Contribution, 50, 200, 100)
	checkSeries(t, "coverage", res.Coverage, 1, 1, 1)
	checkSeries(t, "effective weight a1", indicator(t, res, "a1").EffectiveWeight, 0.25, 0.25, 0.25)
	if w := indicator(t, res, "b1").Weight; w != 0.5 {
		t.Errorf("W(b1) = %v, want 0.5", w)
	}
}

func TestGoldenMissingValueReweights(t *testing.T) {
	data := fixtureData()
	data["a2"][2].Value = math.NaN() // a2 missing in 2021
	data["a1"][1].Approx = true      // "20余": at least 20, counted as 20
	res := mustCompute(t, fixtureConfig(), data)
	// 2021 without a2: pillar A re-weights to a1 alone: A = 400, B = 200,
	//   arithmetic = (400+200)/2 = 300; contributions a1 = 0.5·400 = 200,
	//   b1 = 0.5·200 = 100, a2 none → 300.
	//   geometric = √(500·300) − 100 = √150000 − 100 = 287.29833462074170
	//   coverage = 1 − W(a2) = 1 − 0.25 = 0.75; pillar A coverage 0.5.
	// Had a2 been 0 instead: A = 200, arithmetic (200+200)/2 = 200 < 300.
	checkSeries(t, "arithmetic", res.Arithmetic, 100, 262.5, 300)
	checkSeries(t, "geometric", res.Geometric, 100, math.Sqrt(112500)-100, math.Sqrt(150000)-100)
	checkSeries(t, "a1", indicator(t, res, "a1").Contribution, 25, 50, 200)
	checkSeries(t, "a2", indicator(t, res, "a2").Contribution, 25, 12.5, math.NaN())
	checkSeries(t, "effective weight a1", indicator(t, res, "a1").EffectiveWeight, 0.25, 0.25, 0.5)
	checkSeries(t, "coverage", res.Coverage, 1, 1, 0.75)
	checkSeries(t, "pillar A coverage", res.Pillars[0].Coverage, 1, 1, 0.5)
	want := [][]string{{}, {"a1"}, {}}
	if !reflect.DeepEqual(res.ApproxIndicators, want) {
		t.Errorf("approx = %v, want %v", res.ApproxIndicators, want)
	}
	if want := [][]string{{}, {}, {"a2"}}; !reflect.DeepEqual(res.Unreported, want) {
		t.Errorf("unreported = %v, want %v", res.Unreported, want)
	}
	if want := [][]string{{}, {}, {}}; !reflect.DeepEqual(res.Imputed, want) || !reflect.DeepEqual(res.MissingPillars, want) {
		t.Errorf("imputed %v, missing pillars %v: want none (a2 is a flow; a1 keeps pillar A)", res.Imputed, res.MissingPillars)
	}
	data["a2"][2].Value, data["a2"][2].Missing = 0, false
	if zero := mustCompute(t, fixtureConfig(), data); !near(zero.Arithmetic[2], 200, 1e-9) {
		t.Errorf("a2 = 0: arithmetic %v, want 200", zero.Arithmetic[2])
	}
}

func TestGoldenZeroBeforeBase(t *testing.T) {
	data := fixtureData()
	// A 2018 before the configured base 2019, in which a1 is 0: the base
	// stays 2019 (no "first full year" search), and the 0 does not collapse
	// the geometric variant. 2018 values: a1 0, a2 4, b1 120.
	data["a1"] = append(data["a1"], Point{Period: "2018", Value: 0})
	data["a2"] = append(data["a2"], Point{Period: "2018", Value: 4})
	data["b1"] = append(data["b1"], Point{Period: "2018", Value: 120})
	res := mustCompute(t, fixtureConfig(), data)
	if res.Base != "2019" || res.Periods[0] != "2018" {
		t.Fatalf("base %q periods %v, want base 2019 after 2018", res.Base, res.Periods)
	}
	// 2018: a1 = 100·0/10 = 0, a2 = 100·4/8 = 50, b1 = 100·60/120 = 50.
	//   arithmetic = 0.25·0 + 0.25·50 + 0.5·50 = 37.5
	//   pillars A = (0+50)/2 = 25, B = 50; geometric = √(125·150) − 100 =
	//   √18750 − 100 = 36.93063937629153 (with the old ε floor on a1 it was
	//   1250^¼ = 5.95: one zero dominated the mean).
	if !near(res.Arithmetic[0], 37.5, 1e-9) || !near(res.Geometric[0], math.Sqrt(18750)-100, 1e-9) {
		t.Errorf("2018 = %v / %v, want 37.5 / %v", res.Arithmetic[0], res.Geometric[0], math.Sqrt(18750)-100)
	}
}

func TestGoldenIndicatorWithoutBaseValue(t *testing.T) {
	// Base 2018, where a1 is 0: a1 cannot be normalised against it and is
	// left out of every period (its weight goes to a2); the base is not
	// moved to 2019. Coverage with a1 left out = 1 − 0.25 = 0.75 ≥ 0.5.
	cfg := fixtureConfig()
	cfg.BasePeriod = "2018"
	data := fixtureData()
	data["a1"] = append(data["a1"], Point{Period: "2018", Value: 0})
	data["a2"] = append(data["a2"], Point{Period: "2018", Value: 4})
	data["b1"] = append(data["b1"], Point{Period: "2018", Value: 120})
	res := mustCompute(t, cfg, data)
	if res.Base != "2018" || !reflect.DeepEqual(res.NoBase, []string{"a1"}) {
		t.Fatalf("base %q no-base %v, want 2018 and [a1]", res.Base, res.NoBase)
	}
	// a2 = 100·x/4: 100, 200, 100, 200; b1 = 100·120/x: 100, 200, 800, 400.
	// index = (a2 + b1)/2: 100, 200, 450, 300; coverage 0.75 throughout.
	checkSeries(t, "a1", indicator(t, res, "a1").Normalised, math.NaN(), math.NaN(), math.NaN(), math.NaN())
	checkSeries(t, "arithmetic", res.Arithmetic, 100, 200, 450, 300)
	checkSeries(t, "coverage", res.Coverage, 0.75, 0.75, 0.75, 0.75)
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "base period 2018") {
		t.Errorf("warnings %q do not name the indicator left out", res.Warnings)
	}
}

func TestGoldenTargetWithCap(t *testing.T) {
	cfg := fixtureConfig()
	cfg.Normalisation = NormTarget
	cfg.Pillars[0].Indicators[0].Target = ptr(25)
	cfg.Pillars[0].Indicators[1].Target = ptr(10)
	cfg.Pillars[1].Indicators[0].Target = ptr(20)
	res := mustCompute(t, cfg, fixtureData())
	// y = min(150, 100·x/target), b1: min(150, 100·target/x):
	//   a1 (25): 40, 80, 160 → capped 150
	//   a2 (10): 80, 40, 80
	//   b1 (20): 100·20/60 = 100/3, 100·20/15 = 400/3, 100·20/30 = 200/3
	checkSeries(t, "a1", indicator(t, res, "a1").Normalised, 40, 80, 150)
	checkSeries(t, "a2", indicator(t, res, "a2").Normalised, 80, 40, 80)
	checkSeries(t, "b1", indicator(t, res, "b1").Normalised, 100.0/3, 400.0/3, 200.0/3)
	// A = (a1+a2)/2: 60, 60, 115; index = (A+B)/2:
	//   2019: (60 + 100/3)/2 = 140/3; 2020: (60 + 400/3)/2 = 290/3;
	//   2021: (115 + 200/3)/2 = 545/6
	checkSeries(t, "arithmetic", res.Arithmetic, 140.0/3, 290.0/3, 545.0/6)
	// With a cap of 120 instead, a1 2021 = min(120, 160) = 120.
	cfg.CapTarget = 120
	res = mustCompute(t, cfg, fixtureData())
	checkSeries(t, "a1 cap 120", indicator(t, res, "a1").Normalised, 40, 80, 120)
}

func TestTargetMissingAndFallback(t *testing.T) {
	cfg := fixtureConfig()
	cfg.Normalisation = NormTarget
	cfg.Pillars[1].Indicators[0].Target = ptr(20)
	_, err := Compute(cfg, fixtureData())
	if err == nil || !strings.Contains(err.Error(), "[a1 a2]") {
		t.Fatalf("err = %v, want it to name a1 and a2 (no target)", err)
	}
	cfg.TargetFallback = true
	res := mustCompute(t, cfg, fixtureData())
	// a1, a2 fall back to the base index; b1 is 100·20/x as above.
	checkSeries(t, "a1", indicator(t, res, "a1").Normalised, 100, 200, 400)
	checkSeries(t, "b1", indicator(t, res, "b1").Normalised, 100.0/3, 400.0/3, 200.0/3)
	if !strings.Contains(strings.Join(res.Warnings, "\n"), `"a1" has no target`) {
		t.Errorf("warnings %q do not mention the fallback", res.Warnings)
	}
}

func TestBaseErrors(t *testing.T) {
	cfg := fixtureConfig()
	cfg.BasePeriod = "2018"
	cfg.Pillars[0].Indicators[0].NameZH = "甲一"
	data := fixtureData()
	data["a1"] = append(data["a1"], Point{Period: "2018", Value: 0})
	data["b1"] = append(data["b1"], Point{Period: "2018", Missing: true})
	// 2018: a1 is 0, a2 has no point, b1 is missing: no weight has a base.
	_, err := Compute(cfg, data)
	var be *BaseError
	if !errors.As(err, &be) || !errors.Is(err, ErrNoBase) || !be.Present || be.Coverage != 0 {
		t.Fatalf("err = %#v, want a *BaseError for 2018 with coverage 0", err)
	}
	if !reflect.DeepEqual(be.LackingZH, []string{"甲一", "a2", "b1"}) {
		t.Errorf("lacking %v, want names (codes where there is none)", be.LackingZH)
	}
	if msg := be.Message("zh-CN"); !strings.Contains(msg, "基期 2018年有数据的指标只占权重的 0%") || !strings.Contains(msg, "不改用其他基期") {
		t.Errorf("message %q", msg)
	}
	// Direction −1 cannot be base-normalised once the value reaches 0.
	data = fixtureData()
	data["b1"][2].Value = 0
	_, err = Compute(fixtureConfig(), data)
	if err == nil || !strings.Contains(err.Error(), `"b1" period 2021: value 0 with direction -1`) {
		t.Errorf("err = %v, want b1 2021 named", err)
	}
	// A base period the data does not have: no other base is chosen.
	cfg.BasePeriod = "2030"
	_, err = Compute(cfg, fixtureData())
	if !errors.As(err, &be) || be.Present || be.Base != "2030" || !strings.Contains(be.Message("en"), "no data for the base year 2030") {
		t.Errorf("err = %v, want base 2030 not present", err)
	}
	// No data at all is the same condition, not an internal error.
	_, err = Compute(fixtureConfig(), Data{"a1": nil, "a2": nil, "b1": nil})
	if !errors.Is(err, ErrNoBase) {
		t.Errorf("empty data: err = %v, want ErrNoBase", err)
	}
}

func TestMinMaxSinceBase(t *testing.T) {
	// a1 = 10, 20, 40: min 10, max 40, scores 0, 100/3, 100; base 2019.
	//   k = 1: 100 + s − s_2019 = 100, 133.33…, 200
	//   k = 3 (range 30 / base 10): 100 + 3·(s − s_2019) = 100, 200, 400,
	//   which is the base index 100·x/10 exactly.
	// direction −1, k = 1: scores 100, 200/3, 0 → 100, 66.67, 0
	checkSeries(t, "up", normMinMaxSinceBase([]float64{10, 20, 40}, 0, 1, 1), 100, 100+100.0/3, 200)
	checkSeries(t, "k=3", normMinMaxSinceBase([]float64{10, 20, 40}, 0, 1, 3), 100, 200, 400)
	checkSeries(t, "down", normMinMaxSinceBase([]float64{10, 20, 40}, 0, -1, 1), 100, 100-100.0/3, 0)
	checkSeries(t, "floor", normMinMaxSinceBase([]float64{10, 20, 40}, 0, -1, 3), 100, 0, 0)
	checkSeries(t, "flat", normMinMaxSinceBase([]float64{5, math.NaN(), 5}, 0, 1, 3), 100, math.NaN(), 100)
}

func TestRangeToBase(t *testing.T) {
	// Fixture ranges over base: a1 (40−10)/10 = 3, a2 (8−4)/8 = 0.5,
	// b1 (60−15)/60 = 0.75; k = 0.25·3 + 0.25·0.5 + 0.5·0.75 = 1.25.
	f := fixtureConfig().flatten()
	m, err := buildMatrix(f.codes, fixtureData())
	if err != nil {
		t.Fatal(err)
	}
	checkSeries(t, "k", []float64{rangeToBase(f, m, 0)}, 1.25)
	// Proportional growth (every range/base = 3, so k = 3): min-max draws
	// reproduce the base index exactly, 100, 200, 400 for a1.
	data := Data{"a1": years(2019, 10, 20, 40), "a2": years(2019, 5, 10, 20), "b1": years(2019, 1, 3, 4)}
	cfg := fixtureConfig()
	cfg.Pillars[1].Indicators[0].Direction = 1
	base := mustCompute(t, cfg, data)
	f, m = cfg.flatten(), mustMatrix(t, cfg, data)
	checkSeries(t, "k proportional", []float64{rangeToBase(f, m, 0)}, 3)
	y, _, err := normalise(cfg.withDefaults(), f, m, 0, NormMinMaxFixed)
	if err != nil {
		t.Fatal(err)
	}
	for i, ind := range base.Indicators {
		checkSeries(t, ind.Code, y[i], ind.Normalised...)
	}
}

func mustMatrix(t *testing.T, cfg Config, data Data) *matrix {
	t.Helper()
	m, err := buildMatrix(cfg.flatten().codes, data)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestGeometricHeadline(t *testing.T) {
	cfg := fixtureConfig()
	cfg.Aggregation = AggGeometric
	cfg.Draws = 200
	res := mustCompute(t, cfg, fixtureData())
	// Headline = geometric (see TestGoldenBaseIndex).
	checkSeries(t, "headline", res.Headline, 100, math.Sqrt(112500)-100, math.Sqrt(105000)-100)
	checkSeries(t, "band at base", []float64{res.Band.P5[0], res.Band.P95[0]}, 100, 100)
	if res.Band.MinMaxScale != 1.25 {
		t.Errorf("minmax scale %v, want 1.25 (see TestRangeToBase)", res.Band.MinMaxScale)
	}
}
