package index

import (
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// noteData is random data over 2017–2025 for the default method, with a
// gap and a figure given as approximate, plus the excluded candidates.
func noteData() (Config, Data) {
	cfg := DefaultConfig()
	cfg.Seed = 20260101
	rng := rand.New(rand.NewPCG(1, 1))
	data := Data{}
	for _, code := range cfg.Codes() {
		for y := 2017; y <= 2025; y++ {
			data[code] = append(data[code], Point{Period: strconv.Itoa(y), Value: 10 + 100*rng.Float64()})
		}
	}
	data["experts"][8].Missing = true
	data["talents"][5].Approx = true
	return cfg, data
}

func itoa(y int) string {
	return string(rune('0'+y/1000)) + string(rune('0'+y/100%10)) + string(rune('0'+y/10%10)) + string(rune('0'+y%10))
}

func TestMethodNote(t *testing.T) {
	cfg, data := noteData()
	res := mustCompute(t, cfg, data)
	zh := MethodNote(cfg, res, "zh-CN")
	for _, want := range []string{
		"融合指数 · 方法说明（权重版本 2026-2）", "6 个维度、9 项指标", "新增共建平台数", "基期固定为 2018年",
		"覆盖率最低为 94%（2025年）", "含约数的指标：2022年：引进人才数",
		"累计共建平台数：不计入，保留新增共建平台数（前者是后者的逐年累计；相关系数 r = ",
		"财政资金投入：不计入，保留资金投入总额（前者是后者的一部分",
		"12 财政资金投入（未计入）", "平移几何平均", "蒙特卡洛模拟 1000 次", "随机种子 20260101",
		"指数 = 0.5 × 120 + 0.5 × 180 = 150", "≈ 148.19", "参照水平 20亿元", "新增共建平台数（参照水平 15个/年）", "不评定等级",
	} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh note lacks %q:\n%s", want, zh)
		}
	}
	en := MethodNote(cfg, res, "en")
	for _, want := range []string{"Integration index · method (weights version 2026-2)", "fixed at 2018", "lowest at 94% (2025)", "(reference 2 bn yuan a year)", "Index = 0.5 × 120 + 0.5 × 180 = 150"} {
		if !strings.Contains(en, want) {
			t.Errorf("en note lacks %q:\n%s", want, en)
		}
	}
	readable(t, zh, cfg, true)
	readable(t, en, cfg, false)
	if strings.Contains(zh, "协同指数") || regexp.MustCompile(`[A-Za-z]{4,}`).MatchString(strings.NewReplacer("OECD/JRC", "", "integration index", "", "exp", "", "min", "").Replace(zh)) {
		t.Errorf("zh note uses another name or English words:\n%s", zh)
	}
}

// readable fails on Markdown and on indicator or pillar codes in a note
// (in English only on codes that are not words, such as platforms_new).
func readable(t *testing.T, note string, cfg Config, zh bool) {
	t.Helper()
	for _, md := range []string{"##", "**", "\n- ", "`"} {
		if strings.Contains(note, md) {
			t.Errorf("note contains Markdown %q", md)
		}
	}
	codes := cfg.Codes()
	for _, p := range cfg.Pillars {
		codes = append(codes, p.Code)
	}
	for _, c := range append(codes, cfg.Coupling.U1.Code, cfg.Coupling.U2.Code) {
		if (zh || strings.Contains(c, "_")) && regexp.MustCompile(`\b`+c+`\b`).MatchString(note) {
			t.Errorf("note names the code %q", c)
		}
	}
}

func TestMethodNoteWithoutResult(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Normalisation, cfg.TargetFallback, cfg.Draws = NormTarget, true, -1
	note := MethodNote(cfg, nil, "en")
	for _, want := range []string{"distance to target", "capped at 150", "use the base-year index", "no Monte Carlo"} {
		if !strings.Contains(note, want) {
			t.Errorf("target note lacks %q:\n%s", want, note)
		}
	}
}

// TestWorkedExample recomputes the example printed in the method note: the
// numbers in workedExample are written by hand, Compute must agree.
func TestWorkedExample(t *testing.T) {
	e := workedExample
	res := mustCompute(t, exampleConfig(), exampleData())
	if res.Periods[1] != e.Year || res.Base != e.Base {
		t.Fatalf("periods %v base %s", res.Periods, res.Base)
	}
	got := []float64{
		indicator(t, res, "A").Normalised[1], indicator(t, res, "C").Normalised[1],
		res.Pillars[0].Arithmetic[1], res.Pillars[1].Arithmetic[1], res.Headline[1],
		indicator(t, res, "A").Contribution[1], indicator(t, res, "C").Contribution[1], res.Coverage[1],
		math.Round(res.Geometric[1]*100) / 100,
	}
	checkSeries(t, "example", got, e.YA, e.YC, e.PillarA, e.PillarB, e.Index, e.ContribA, e.ContribC, e.Coverage, e.Geo)
	if e.GeoShift != DefaultGeoShift || !near(math.Sqrt(e.GeoProduct)-e.GeoShift, res.Geometric[1], 1e-9) {
		t.Errorf("geometric: √%v − %v vs %v", e.GeoProduct, e.GeoShift, res.Geometric[1])
	}
	data := exampleData()
	data["B"][1] = Point{Period: e.Year, Value: 0}
	zero := mustCompute(t, exampleConfig(), data)
	checkSeries(t, "B as 0", []float64{zero.Pillars[0].Arithmetic[1], zero.Headline[1]}, e.ZeroPillarA, e.ZeroIndex)
	note := MethodNote(DefaultConfig(), nil, "zh")
	for _, want := range []string{"A 在 2018年为 10、2025年为 12", "维度甲 = 0.5 × 120 + 0.5 × 0 = 60", "覆盖率 = 1 − 0.5 × 0.5 = 75%", "√(220 × 280) − 100 = √61600 − 100 ≈ 148.19"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q", want)
		}
	}
}
