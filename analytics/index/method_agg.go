package index

import (
	"fmt"
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

func noteAggregation(cfg Config, res *Result, zh bool) []NoteBlock {
	head := pick(zh, "算术平均（可完全补偿：弱项可由强项抵消）", "the arithmetic mean (fully compensatory: a weak indicator can be offset by a strong one)")
	other := pick(zh, "几何汇总", "geometric variant")
	if cfg.Aggregation == AggGeometric {
		head = pick(zh, "几何汇总（部分补偿）", "the geometric variant (partly compensatory)")
		other = pick(zh, "算术平均", "arithmetic mean")
	}
	out := []NoteBlock{
		para(fmt.Sprintf(pick(zh,
			"主指数采用%s，每项指标的贡献 = 有效权重 × 标准化值，各项贡献之和等于指数。主指数只有一个数值，%s不作为第二个主数值，而是与权重、标准化方法的变化一起纳入稳健性区间。",
			"The headline is %s; each indicator's contribution is its effective weight × its normalised value, and the contributions add up to the index. The headline is one number: the %s is not a second headline but one of the choices the robustness band varies, with the weights and the normalisation."), head, other)),
		para(fmt.Sprintf(pick(zh,
			"几何汇总的做法：维度内取算术平均（同一维度的指标可以相互替代），维度之间取平移几何平均 G = exp(Σ 维度权重 × ln(维度得分 + %[1]g)) − %[1]g。平移量 %[1]g 即基期水平：不平移时，某个维度为 0（如某区县当年没有新增平台）会使对数趋于负无穷，把整体拉向 0；平移后弱项只被部分抵消，所有维度相等时 G 等于该值，基期仍为 100。",
			"The geometric variant is the arithmetic mean within pillars (indicators of one dimension substitute for each other) and the shifted geometric mean across pillars, G = exp(Σ pillar weight × ln(pillar score + %[1]g)) − %[1]g. The shift %[1]g is the base level: without it one pillar at 0 (a district with no new platform that year) sends the logarithm to −∞ and drags the whole index to 0; with it a weak pillar is only partly offset, G equals the common value when all pillars are equal, and the base year stays at 100."),
			cfg.GeoShift)),
	}
	if res != nil && len(res.Periods) > 0 {
		last := len(res.Periods) - 1
		s := fmt.Sprintf(pick(zh, "%s：算术 %.1f，几何 %.1f。", "%s: arithmetic %.1f, geometric %.1f."), year(res.Periods[last], zh), res.Arithmetic[last], res.Geometric[last])
		if res.Disagree {
			s += fmt.Sprintf(pick(zh, "两者在 %s相差超过 %.0f%%。", " They differ by more than %.0[2]f%% in %[1]s."), joinYears(res.DisagreePeriods, zh), 100*DisagreeThreshold)
		}
		out = append(out, para(s))
	}
	return append(out, noteRobustness(cfg, res, zh))
}

func joinYears(ps []string, zh bool) string {
	out := make([]string, len(ps))
	for k, p := range ps {
		out[k] = year(p, zh)
	}
	return strings.Join(out, pick(zh, "、", ", "))
}

func noteRobustness(cfg Config, res *Result, zh bool) NoteBlock {
	if cfg.Draws < 0 {
		return para(pick(zh, "稳健性：本次未进行蒙特卡洛分析。", "Robustness: no Monte Carlo analysis was run."))
	}
	norms := make([]string, len(cfg.DrawNormalisations))
	for k, n := range cfg.DrawNormalisations {
		norms[k] = normName(n, zh)
	}
	k := ""
	if res != nil && res.Band.MinMaxScale != 0 {
		k = fmt.Sprintf(pick(zh, "（本次 k = %.3g）", " (here k = %.3g)"), res.Band.MinMaxScale)
	}
	return para(fmt.Sprintf(pick(zh,
		"稳健性区间：蒙特卡洛模拟 %d 次（随机种子 %d，种子相同则结果相同）。每次把所有权重各乘以 %g 至 %g 之间均匀分布的随机因子后重新归一，并从 {%s} 中等概率选一种标准化方法、从 {算术平均, 几何汇总} 中等概率选一种汇总方法；每次结果按比例调整，使基期值等于主指数的基期值。极差标准化以全部年份的最小值、最大值为界，表示为相对基期的变化，并按 k（各指标“极差 ÷ 基期值”的加权平均）换算为基期指数的点数%s。阴影区间为各年模拟结果的第 5 至第 95 百分位数，反映相对基期变化的不确定性，基期处宽度为 0。区间也在全部年份上计算后截取，不随时期筛选变化；新增一年数据时，极差标准化的上下限可能随之改变，历史年份的区间会略有调整，指数本身不变。",
		"Robustness band: %d Monte Carlo draws (seed %d; the same seed gives the same band). Each draw multiplies every weight by a factor drawn uniformly from [%g, %g] and renormalises, picks a normalisation from {%s} and an aggregation from {arithmetic, geometric} with equal probability, and is scaled so that its base-year value equals the headline's. Min-max uses the lowest and highest value over all years, is expressed as change since the base year and converted to base-index points by k, the weighted mean of each indicator's range ÷ base-year value%s. The band is the 5th–95th percentile of the draws in each year: the uncertainty of the change since the base year, zero-width in the base year. It too is computed over all years and then cut, so a period filter does not change it; a new year of data can move the min-max bounds and so adjust earlier years' band slightly, never the index itself."),
		cfg.Draws, cfg.Seed, 1-WeightSpread, 1+WeightSpread, strings.Join(norms, pick(zh, "、", ", ")), k))
}

// normName is a normalisation as readers call it.
func normName(n string, zh bool) string {
	switch n {
	case NormBase:
		return pick(zh, "基期指数", "base-year index")
	case NormTarget:
		return pick(zh, "目标距离", "distance to target")
	case NormMinMaxFixed:
		return pick(zh, "极差标准化", "min-max")
	}
	return n
}

func noteCoupling(cc CouplingConfig, zh bool) []NoteBlock {
	alpha, beta, _ := checkAlphaBeta(cc.Alpha, cc.Beta)
	lang := pick(zh, "zh", "en")
	refs := func(s Subsystem) string {
		var out []string
		for _, ind := range s.Indicators {
			ref := "—"
			if ind.Max != nil {
				ref = vocab.FormatNumber(*ind.Max, ind.Unit, lang)
				if !ind.Stock {
					ref += pick(zh, "/年", " a year")
				}
			}
			out = append(out, fmt.Sprintf(pick(zh, "%s（参照水平 %s）", "%s (reference %s)"), nameOr(ind.NameZH, ind.NameEN, ind.Code, zh), ref))
		}
		return strings.Join(out, pick(zh, "、", ", "))
	}
	return []NoteBlock{
		para(fmt.Sprintf(pick(zh,
			"耦合协调度衡量%s（U₁）与%s（U₂）是否同步发展。两组指标互不重叠：U₁ 由%s构成；U₂ 由%s构成。",
			"The coupling coordination degree asks whether %s (U₁) and %s (U₂) develop together. The two share no indicator: U₁ is built from %s; U₂ from %s."),
			nameOr(cc.U1.NameZH, cc.U1.NameEN, cc.U1.Code, zh), nameOr(cc.U2.NameZH, cc.U2.NameEN, cc.U2.Code, zh), refs(cc.U1), refs(cc.U2))),
		para(fmt.Sprintf(pick(zh,
			"每项指标按权重文件中固定的参照水平换算：u = min(1, 当年值 ÷ 参照水平)，不按所显示年份的最小值、最大值换算，因此同一年份在任何时期筛选下数值与等级相同。U 为各指标的加权平均；C = 2√(U₁U₂) ÷ (U₁+U₂)，T = %gU₁ + %gU₂，D = √(C·T)。C 只反映两者是否均衡（U₁ = U₂ 时 C = 1，无论水平高低），因此同时给出 T、U₁、U₂。",
			"Each indicator is scaled on a reference level fixed in the weights file, u = min(1, value ÷ reference), not on the lowest and highest of the years shown, so a year has the same values and grade under any period filter. U is the weighted mean of its indicators; C = 2√(U₁U₂) ÷ (U₁+U₂), T = %gU₁ + %gU₂, D = √(C·T). C only measures balance (C = 1 whenever U₁ = U₂, however low both are), so T, U₁ and U₂ are shown beside it."),
			alpha, beta)),
		para(pick(zh,
			"等级（如“良好协调”）按 D 每 0.1 一档划分，只在全走廊口径下给出：参照水平是按全走廊设定的，按区县、合作单位等筛选时 D 仍可用于比较年份变化，但不评定等级。",
			"Grades (such as \"good coordination\") are bands of D, 0.1 wide, and are given for the corridor as a whole only: the reference levels are set for the whole corridor, so under a district or partner filter D still compares years but carries no grade.")),
	}
}
