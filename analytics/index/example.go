package index

import "fmt"

// workedExample is the three-indicator example of the method note. Every
// number was computed by hand and is written here as a literal, never by
// Compute; TestWorkedExample recomputes them with Compute, so the note
// cannot drift from the method.
//
//	pillar 甲 (0.5): A (0.5), B (0.5); pillar 乙 (0.5): C (1); base 2018
//	A: 10 → 12, B: 8 → not reported, C: 50 → 90
var workedExample = struct {
	A0, A1, B0, C0, C1             float64 // raw values, 2018 and 2025
	YA, YC                         float64 // normalised 2025
	PillarA, PillarB, Index        float64 // 2025
	ContribA, ContribC             float64
	Coverage                       float64
	ZeroPillarA, ZeroIndex         float64 // had B been taken as 0
	GeoShift, GeoProduct, Geo      float64 // shifted geometric mean, rounded to 2 decimals
	Base, Year, ShiftedA, ShiftedC string
}{
	A0: 10, A1: 12, B0: 8, C0: 50, C1: 90,
	YA: 120, YC: 180,
	PillarA: 120, PillarB: 180, Index: 150,
	ContribA: 60, ContribC: 90,
	Coverage:    0.75,
	ZeroPillarA: 60, ZeroIndex: 120,
	GeoShift: 100, GeoProduct: 61600, Geo: 148.19, // √(220·280) − 100 = 248.1934… − 100
	Base: "2018", Year: "2025", ShiftedA: "220", ShiftedC: "280",
}

// exampleConfig and exampleData are the worked example as input.
func exampleConfig() Config {
	return Config{Version: "example", BasePeriod: workedExample.Base, Draws: -1, Pillars: []Pillar{
		{Code: "jia", NameZH: "维度甲", NameEN: "Pillar X", Weight: 0.5, Indicators: []Indicator{
			{Code: "A", NameZH: "A", NameEN: "A", Weight: 0.5, Direction: 1},
			{Code: "B", NameZH: "B", NameEN: "B", Weight: 0.5, Direction: 1},
		}},
		{Code: "yi", NameZH: "维度乙", NameEN: "Pillar Y", Weight: 0.5, Indicators: []Indicator{
			{Code: "C", NameZH: "C", NameEN: "C", Weight: 1, Direction: 1},
		}},
	}}
}

func exampleData() Data {
	e := workedExample
	return Data{
		"A": {{Period: e.Base, Value: e.A0}, {Period: e.Year, Value: e.A1}},
		"B": {{Period: e.Base, Value: e.B0}, {Period: e.Year, Missing: true}},
		"C": {{Period: e.Base, Value: e.C0}, {Period: e.Year, Value: e.C1}},
	}
}

// noteExample is the example as paragraphs of the note.
func noteExample(zh bool) []NoteBlock {
	e := workedExample
	g := func(x float64) string { return fmt.Sprintf("%g", x) }
	return []NoteBlock{
		para(fmt.Sprintf(pick(zh,
			"设维度甲（权重 0.5）含指标 A、B（维度内各 0.5），维度乙（权重 0.5）只含指标 C；基期为 %[1]s。原始值：A 在 %[1]s为 %[2]s、%[3]s为 %[4]s；B 在 %[1]s为 %[5]s、%[3]s未报送；C 在 %[1]s为 %[6]s、%[3]s为 %[7]s。",
			"Pillar X (weight 0.5) has indicators A and B (0.5 each within it), pillar Y (weight 0.5) only C; the base year is %[1]s. Raw values: A is %[2]s in %[1]s and %[4]s in %[3]s; B is %[5]s in %[1]s and not reported in %[3]s; C is %[6]s in %[1]s and %[7]s in %[3]s."),
			year(e.Base, zh), g(e.A0), year(e.Year, zh), g(e.A1), g(e.B0), g(e.C0), g(e.C1))),
		{Items: []string{
			fmt.Sprintf(pick(zh, "标准化：A = 100 × %[1]s ÷ %[2]s = %[3]s；C = 100 × %[4]s ÷ %[5]s = %[6]s；B 缺失。", "Normalised: A = 100 × %[1]s ÷ %[2]s = %[3]s; C = 100 × %[4]s ÷ %[5]s = %[6]s; B is missing."),
				g(e.A1), g(e.A0), g(e.YA), g(e.C1), g(e.C0), g(e.YC)),
			fmt.Sprintf(pick(zh, "维度得分：维度甲只有 A 有数值，权重在维度内重新归一，得 %[1]s；维度乙 = %[2]s。", "Pillar scores: only A has a value in pillar X, so the weights within it are renormalised and X = %[1]s; Y = %[2]s."),
				g(e.PillarA), g(e.PillarB)),
			fmt.Sprintf(pick(zh, "指数 = 0.5 × %[1]s + 0.5 × %[2]s = %[3]s；贡献 A = 0.5 × %[1]s = %[4]s，C = 0.5 × %[2]s = %[5]s，合计 %[3]s；覆盖率 = 1 − 0.5 × 0.5 = %[6]s。", "Index = 0.5 × %[1]s + 0.5 × %[2]s = %[3]s; the contributions A = 0.5 × %[1]s = %[4]s and C = 0.5 × %[2]s = %[5]s add up to %[3]s; coverage = 1 − 0.5 × 0.5 = %[6]s."),
				g(e.PillarA), g(e.PillarB), g(e.Index), g(e.ContribA), g(e.ContribC), pct0(e.Coverage)),
			fmt.Sprintf(pick(zh, "若把 B 误记为 0：维度甲 = 0.5 × %[1]s + 0.5 × 0 = %[2]s，指数 = 0.5 × %[2]s + 0.5 × %[3]s = %[4]s，比按缺失处理低 %[5]s——这正是缺失不能记为 0 的原因。", "Had B been taken as 0: X = 0.5 × %[1]s + 0.5 × 0 = %[2]s and the index 0.5 × %[2]s + 0.5 × %[3]s = %[4]s, %[5]s lower than with B missing — which is why a missing value is never a 0."),
				g(e.YA), g(e.ZeroPillarA), g(e.PillarB), g(e.ZeroIndex), g(e.Index-e.ZeroIndex)),
			fmt.Sprintf(pick(zh, "几何汇总（对照）：exp(0.5 × ln(%[1]s + %[2]s) + 0.5 × ln(%[3]s + %[2]s)) − %[2]s = √(%[4]s × %[5]s) − %[2]s = √%[6]s − %[2]s ≈ %[7]s。", "Geometric variant: exp(0.5 × ln(%[1]s + %[2]s) + 0.5 × ln(%[3]s + %[2]s)) − %[2]s = √(%[4]s × %[5]s) − %[2]s = √%[6]s − %[2]s ≈ %[7]s."),
				g(e.PillarA), g(e.GeoShift), g(e.PillarB), e.ShiftedA, e.ShiftedC, g(e.GeoProduct), fmt.Sprintf("%.2f", e.Geo)),
		}},
	}
}

// pct0 writes a share as a whole percentage: 0.75 → "75%".
func pct0(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }
