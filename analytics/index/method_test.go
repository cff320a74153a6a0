package index

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestMethodNote(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Seed = 20260101
	data := randomData(rand.New(rand.NewPCG(1, 1)), cfg)
	data["experts"][3].Missing = true
	res := mustCompute(t, cfg, data)
	en := MethodNote(cfg, res, "en")
	for _, want := range []string{
		"weights version 2026-1", "6 pillars", "Platform co-building (platform) 16.7%",
		"Joint platforms (cumulative) (platforms_cum) 50.0% (8.3%)", "base 2019 (the first period",
		"the headline is arithmetic", "ε = 0.01", "re-weighted",
		"1000 Monte Carlo draws", "seed 20260101", "[0.75, 1.25]", "{base, minmax_fixed}", "type 7",
	} {
		if !strings.Contains(en, want) {
			t.Errorf("en note lacks %q:\n%s", want, en)
		}
	}
	zh := MethodNote(cfg, res, "zh-CN")
	for _, want := range []string{"权重版本 2026-1", "平台共建 (platform) 16.7%", "基期为 2019", "蒙特卡洛模拟 1000 次", "种子 20260101", "重新归一"} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh note lacks %q:\n%s", want, zh)
		}
	}
	if strings.Contains(zh, "Normalisation") {
		t.Error("zh note contains English prose")
	}
	// Coverage and approximate values come from the result.
	fixture := fixtureData()
	fixture["a2"][2].Missing = true
	fixture["a1"][1].Approx = true
	fcfg := fixtureConfig()
	fcfg.Draws = 100
	note := MethodNote(fcfg, mustCompute(t, fcfg, fixture), "en")
	for _, want := range []string{"here k = 1.25", "lowest 75.0% (2021)", "Approximate values: 2020: a1.", "differ by more than 5% in 2020, 2021", "↓"} {
		if !strings.Contains(note, want) {
			t.Errorf("fixture note lacks %q:\n%s", want, note)
		}
	}
	// Without a result, and with target normalisation and no band.
	cfg.Normalisation, cfg.TargetFallback, cfg.Draws = NormTarget, true, -1
	note = MethodNote(cfg, nil, "en")
	for _, want := range []string{"distance to target", "capped at 150", "use the base-period index instead", "no Monte Carlo"} {
		if !strings.Contains(note, want) {
			t.Errorf("target note lacks %q:\n%s", want, note)
		}
	}
}
