package index

import (
	"fmt"
	"math"
	"strings"
)

// MethodNote renders the method actually used — pillars, indicators,
// weights, base period, normalisation, aggregation, missing values, draws,
// seed and coverage — as a few short Markdown paragraphs for the method
// page. lang is "zh" (or "zh-CN") for Simplified Chinese, anything else
// gives English. res may be nil; the data-dependent sentences are then left
// out. The text is generated from cfg, never written by hand, so it cannot
// drift from the computation.
func MethodNote(cfg Config, res *Result, lang string) string {
	cfg = cfg.withDefaults()
	zh := strings.HasPrefix(strings.ToLower(lang), "zh")
	var b strings.Builder
	for _, part := range []func(*strings.Builder, Config, *Result, bool){
		noteWeights, noteNormalisation, noteAggregation, noteMissing, noteRobustness,
	} {
		part(&b, cfg, res, zh)
		b.WriteString("\n")
	}
	return strings.TrimSpace(b.String()) + "\n"
}

// pick returns the Chinese or English variant.
func pick(zh bool, zhText, enText string) string {
	if zh {
		return zhText
	}
	return enText
}

// label is "名称 (code)" or "Name (code)", falling back to the bare code.
func label(zh bool, nameZH, nameEN, code string) string {
	name := pick(zh, nameZH, nameEN)
	if name == "" {
		return code
	}
	return name + " (" + code + ")"
}

func pct(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

func noteWeights(b *strings.Builder, cfg Config, _ *Result, zh bool) {
	fmt.Fprintf(b, pick(zh, "## 走廊协同指数 — 方法说明（权重版本 %s）\n\n", "## Corridor integration index — method (weights version %s)\n\n"), orDash(cfg.Version))
	fmt.Fprintf(b, pick(zh,
		"本指数按 OECD/JRC《综合指标构建手册》(2008) 编制，由 %d 个维度组成：各维度为其指标的加权平均，指数为各维度的加权平均。括号内为指标在指数中的总权重（维度权重 × 指标权重）；↓ 表示数值越低越好。\n\n",
		"The index follows the OECD/JRC Handbook on Constructing Composite Indicators (2008). It has %d pillars: each pillar is the weighted mean of its indicators and the index the weighted mean of the pillars. In brackets, each indicator's overall weight (pillar weight × indicator weight); ↓ marks lower-is-better.\n\n"),
		len(cfg.Pillars))
	for _, p := range cfg.Pillars {
		var inds []string
		for _, ind := range p.Indicators {
			s := fmt.Sprintf("%s %s (%s)", label(zh, ind.NameZH, ind.NameEN, ind.Code), pct(ind.Weight), pct(p.Weight*ind.Weight))
			if ind.Direction < 0 {
				s += " ↓"
			}
			inds = append(inds, s)
		}
		fmt.Fprintf(b, "- %s %s: %s\n", label(zh, p.NameZH, p.NameEN, p.Code), pct(p.Weight), strings.Join(inds, pick(zh, "；", "; ")))
	}
}

func noteNormalisation(b *strings.Builder, cfg Config, res *Result, zh bool) {
	base := cfg.BasePeriod
	if res != nil {
		base = res.Base
	}
	how := pick(zh, "（配置指定）", " (configured)")
	if cfg.BasePeriod == "" {
		how = pick(zh, "（所有指标均有大于 0 数值的第一个时期）", " (the first period in which every indicator has a value > 0)")
	}
	if cfg.Normalisation == NormTarget {
		fmt.Fprintf(b, pick(zh,
			"标准化：目标距离法，y = 100·x/目标值（越低越好的指标为 100·目标值/x），上限 %g，即超过目标的部分最多计到目标的 %g%%。",
			"Normalisation: distance to target, y = 100·x/target (100·target/x where lower is better), capped at %g, so going past a target counts at most %g%% of it."),
			cfg.CapTarget, cfg.CapTarget)
		if missing := cfg.withoutTarget(); len(missing) > 0 {
			fmt.Fprintf(b, pick(zh, "无目标值的指标（%s）改用基期指数。", " Indicators without a target (%s) use the base-period index instead."), strings.Join(missing, ", "))
		}
		fmt.Fprintf(b, pick(zh, "基期为 %s%s，用于稳健性区间的锚定。\n", " The base period is %s%s; it anchors the robustness band.\n"), orDash(base), how)
		return
	}
	fmt.Fprintf(b, pick(zh,
		"标准化：基期指数，基期为 %[1]s%[2]s：y = 100·x_t/x_%[1]s（越低越好的指标为 100·x_%[1]s/x_t）。150 表示达到基期水平的 1.5 倍。不采用济南、淄博两市之间的极差标准化：只有两个城市时，每个指标只会是 0 或 100。\n",
		"Normalisation: base-period index with base %[1]s%[2]s: y = 100·x_t/x_%[1]s (100·x_%[1]s/x_t where lower is better). 150 means 1.5 times the base-period level. Min-max across Jinan and Zibo is not used: with two cities it puts every indicator at 0 or 100.\n"),
		orDash(base), how)
}

func noteAggregation(b *strings.Builder, cfg Config, res *Result, zh bool) {
	head := pick(zh, "算术平均（可完全补偿：弱项可被强项抵消）", "arithmetic (fully compensatory: a weak indicator can be offset by a strong one)")
	other := pick(zh, "几何平均", "geometric")
	if cfg.Aggregation == AggGeometric {
		head = pick(zh, "几何平均（部分补偿：弱项只能被部分抵消）", "geometric (partly compensatory: a weak indicator is only partly offset)")
		other = pick(zh, "算术平均", "arithmetic")
	}
	fmt.Fprintf(b, pick(zh,
		"汇总：主指数采用%s，并同时计算%s。几何平均中低于 ε = %g 的标准化值按 ε 计（对数在 0 处无定义）。每个指标的贡献 = 总权重 × 标准化值，各贡献之和等于算术指数。",
		"Aggregation: the headline is %s; the %s mean is computed beside it. In the geometric mean, normalised values below ε = %g are counted as ε (the logarithm of 0 is undefined). Each indicator's contribution is its overall weight × its normalised value; contributions add up to the arithmetic index."),
		head, other, cfg.Epsilon)
	if res != nil && res.Disagree {
		fmt.Fprintf(b, pick(zh, "两种汇总在 %s 相差超过 %.0f%%，应同时展示。", " The two differ by more than %.0[2]f%% in %[1]s, so both are shown."),
			strings.Join(res.DisagreePeriods, pick(zh, "、", ", ")), 100*DisagreeThreshold)
	}
	b.WriteString("\n")
}

func noteMissing(b *strings.Builder, _ Config, res *Result, zh bool) {
	b.WriteString(pick(zh,
		"缺失值：某时期缺失的指标不参与计算，其所在维度内其余指标按权重重新归一；整个维度缺失时，其权重分配给其余维度。约数（如“30余”）按下限计入。",
		"Missing values: an indicator missing in a period is left out and the other indicators of its pillar are re-weighted; a pillar with no value passes its weight to the other pillars. Approximate values (such as \"30余\", at least 30) are counted at their lower bound."))
	if res == nil {
		b.WriteString("\n")
		return
	}
	lo, at := math.Inf(1), ""
	for t, c := range res.Coverage {
		if c < lo {
			lo, at = c, res.Periods[t]
		}
	}
	fmt.Fprintf(b, pick(zh, "数据覆盖率（有实际数值的权重占比）最低为 %s（%s）。", " Coverage (share of the weight with real values) is at its lowest %s (%s)."), pct(lo), at)
	var approx []string
	for t, codes := range res.ApproxIndicators {
		if len(codes) > 0 {
			approx = append(approx, res.Periods[t]+": "+strings.Join(codes, ", "))
		}
	}
	if len(approx) > 0 {
		fmt.Fprintf(b, pick(zh, "含约数的指标：%s。", " Approximate values: %s."), strings.Join(approx, "; "))
	}
	b.WriteString("\n")
}

func noteRobustness(b *strings.Builder, cfg Config, res *Result, zh bool) {
	if cfg.Draws < 0 {
		b.WriteString(pick(zh, "稳健性：未进行蒙特卡洛分析。\n", "Robustness: no Monte Carlo analysis was run.\n"))
		return
	}
	fmt.Fprintf(b, pick(zh,
		"稳健性：蒙特卡洛模拟 %d 次（PCG 随机数，种子 %d，同一种子结果相同）。每次将所有权重各乘以 [%g, %g] 上均匀分布的随机因子后重新归一，标准化方法从 {%s} 中、汇总方法从 {算术, 几何} 中等概率抽取（极差标准化使最差时期为 0，几何平均在 0 处失效，故极差标准化的模拟只用算术汇总）。极差标准化的上下限固定为整个时段的最小、最大值，表示为相对基期的变化，并按 k（各指标“极差/基期值”的加权平均）换算为基期指数的点数：y = 100 + k·(得分 − 基期得分)，不低于 0%s；每次模拟的序列按比例调整，使其基期值等于主指数的基期值。阴影区间为各时期模拟结果的第 5 至第 95 百分位数（顺序统计量之间线性插值，Hyndman–Fan 第 7 类），因此区间反映的是相对基期变化的不确定性，基期处宽度为 0。\n",
		"Robustness: %d Monte Carlo draws (PCG generator, seed %d; the same seed gives the same band). Each draw multiplies every weight by a factor drawn uniformly from [%g, %g] and renormalises, and picks the normalisation from {%s} and the aggregation from {arithmetic, geometric} with equal probability (min-max puts the worst period at 0, where a geometric mean collapses, so min-max draws are aggregated arithmetically only). Min-max uses bounds fixed over the whole span, is expressed as change since the base period and converted to base-index points by k, the weighted mean of each indicator's range/base value: y = max(0, 100 + k·(score − score at base))%s; each draw is scaled so that its base-period value equals the headline's. The band is the 5th–95th percentile of the draws in each period (linear interpolation between order statistics, Hyndman–Fan type 7), so it shows uncertainty in the change since the base period and has zero width there.\n"),
		cfg.Draws, cfg.Seed, 1-WeightSpread, 1+WeightSpread, strings.Join(cfg.DrawNormalisations, ", "), kNote(res, zh))
}

// kNote states the min-max conversion factor when the result has one.
func kNote(res *Result, zh bool) string {
	if res == nil || res.Band.MinMaxScale == 0 {
		return ""
	}
	return fmt.Sprintf(pick(zh, "（本次 k = %.3g）", " (here k = %.3g)"), res.Band.MinMaxScale)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
