package index

import (
	"fmt"
	"math"
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

// Method is the method note for the method actually used — pillars,
// indicators and weights, the base year, missing data, the choice of
// indicators with their correlation matrix, aggregation, robustness, a
// worked example and the coupling model — in Simplified Chinese when lang
// starts with "zh", else in English. res may be nil; the data-dependent
// sentences are then left out. The text is generated from cfg and res,
// never written by hand, so it cannot drift from the computation, and it
// names indicators by their names, never by their codes.
func Method(cfg Config, res *Result, lang string) Note {
	cfg = cfg.withDefaults()
	zh := strings.HasPrefix(strings.ToLower(lang), "zh")
	n := Note{Title: fmt.Sprintf(pick(zh, "融合指数 · 方法说明（权重版本 %s）", "Integration index · method (weights version %s)"), orDash(cfg.Version))}
	n.add(pick(zh, "一、指数构成", "1. What the index is made of"), noteWeights(cfg, zh)...)
	n.add(pick(zh, "二、基期与标准化", "2. Base year and normalisation"), noteBase(cfg, res, zh)...)
	n.add(pick(zh, "三、缺失数据与覆盖率", "3. Missing data and coverage"), noteMissing(cfg, res, zh)...)
	n.add(pick(zh, "四、指标筛选与相关性", "4. Choice of indicators and their correlation"), noteSelection(cfg, res, zh)...)
	n.add(pick(zh, "五、汇总与稳健性", "5. Aggregation and robustness"), noteAggregation(cfg, res, zh)...)
	n.add(pick(zh, "六、算例：三个指标", "6. A worked example with three indicators"), noteExample(zh)...)
	if cfg.Coupling != nil {
		n.add(pick(zh, "七、济淄耦合协调度", "7. Coupling coordination of Jinan and Zibo"), noteCoupling(*cfg.Coupling, zh)...)
	}
	return n
}

// MethodNote is Method as plain text, for the API and exports.
func MethodNote(cfg Config, res *Result, lang string) string { return Method(cfg, res, lang).Text() }

// pick returns the Chinese or English variant.
func pick(zh bool, zhText, enText string) string {
	if zh {
		return zhText
	}
	return enText
}

func pct(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// year writes a period for readers: 2018年 / 2018.
func year(p string, zh bool) string { return vocab.PeriodLabel(p, pick(zh, "zh", "en")) }

func noteWeights(cfg Config, zh bool) []NoteBlock {
	f := cfg.flatten()
	intro := para(fmt.Sprintf(pick(zh,
		"融合指数按 OECD/JRC《综合指标构建手册》（2008）编制，衡量济南—淄博科创走廊融合程度随时间的变化。指数由 %d 个维度、%d 项指标组成：每个维度是其指标的加权平均，指数是各维度的加权平均。“总权重”为维度权重 × 维度内权重；流量指标按年度发生数计，存量指标为年末累计水平。",
		"The integration index follows the OECD/JRC Handbook on Constructing Composite Indicators (2008) and measures how far the Jinan–Zibo science and technology corridor has integrated over time. It has %d pillars and %d indicators: each pillar is the weighted mean of its indicators and the index the weighted mean of the pillars. The overall weight is the pillar weight × the weight within the pillar; flows count what happened in the year, stocks the level at the year's end."),
		len(cfg.Pillars), len(f.codes)))
	t := &NoteTable{Header: []string{pick(zh, "维度", "Pillar"), pick(zh, "维度权重", "Pillar weight"), pick(zh, "指标", "Indicator"), pick(zh, "维度内权重", "Weight in pillar"), pick(zh, "总权重", "Overall weight"), pick(zh, "类型", "Kind")}}
	for i, ind := range f.inds {
		p := f.pillars[f.w.pillarOf[i]]
		kind := pick(zh, "流量", "flow")
		if ind.Stock {
			kind = pick(zh, "存量", "stock")
		}
		name := nameOr(ind.NameZH, ind.NameEN, ind.Code, zh)
		if ind.Direction < 0 {
			name += pick(zh, "（越低越好）", " (lower is better)")
		}
		t.Rows = append(t.Rows, []string{nameOr(p.NameZH, p.NameEN, p.Code, zh), pct(p.Weight), name, pct(ind.Weight), pct(f.overall(i)), kind})
	}
	return []NoteBlock{intro, {Table: t}}
}

func noteBase(cfg Config, res *Result, zh bool) []NoteBlock {
	b := year(cfg.BasePeriod, zh)
	out := []NoteBlock{}
	if cfg.Normalisation == NormTarget {
		out = append(out, para(fmt.Sprintf(pick(zh,
			"标准化：目标距离法，y = 100 × 当年值 ÷ 目标值（越低越好的指标为 100 × 目标值 ÷ 当年值），上限 %g，即超过目标的部分最多计到目标的 %g%%。无目标值的指标改用基期指数。基期 %s 用于稳健性区间的锚定。",
			"Normalisation: distance to target, y = 100 × value ÷ target (100 × target ÷ value where lower is better), capped at %g, so going past a target counts at most %g%% of it. Indicators without a target use the base-year index. The base year %s anchors the robustness band."),
			cfg.CapTarget, cfg.CapTarget, b)))
	} else {
		out = append(out, para(fmt.Sprintf(pick(zh,
			"基期固定为 %s（首批走廊合作协议签订的前一年），由权重文件配置，不随数据或筛选条件变化。每项指标换算为基期指数：y = 100 × 当年值 ÷ 基期值（越低越好的指标取其倒数），指数在基期等于 100，150 表示达到基期水平的 1.5 倍。",
			"The base year is fixed at %s (the year before the first corridor agreements). It is set in the weights file and moves neither with the data nor with a filter. Each indicator becomes a base-year index, y = 100 × value ÷ base-year value (the inverse where lower is better): the index is 100 in the base year, and 150 means 1.5 times the base-year level."), b)))
	}
	out = append(out,
		para(pick(zh,
			"时期筛选只决定显示哪些年份：指数总是在全部年份上计算后再截取，同一年份在任何筛选下数值相同；筛选范围不含基期时，数值仍相对于基期。",
			"A period filter only chooses the years shown: the index is always computed over all years and then cut, so a year has the same value under any filter, and values stay relative to the base year when the filter leaves it out.")),
		para(fmt.Sprintf(pick(zh,
			"某项指标在基期为 0 或没有数据时，无法以基期为 100 换算，该指标不参与计算，其权重分给其余指标；基期有数据的指标合计不足总权重的 %s 时（例如某区县基期几乎没有数据），不计算指数并说明原因，不改用其他年份作基期。不采用济南、淄博两市之间的极差标准化：只有两个城市时，每个指标只会是 0 或 100。",
			"An indicator that is 0 or has no data in the base year cannot be expressed relative to it: it is left out and its weight goes to the others. When the indicators with base-year data carry less than %s of the weight (a district with almost no base-year data), the index is not computed and the reason is given; another base year is never chosen instead. Min-max across Jinan and Zibo is not used: with two cities it puts every indicator at 0 or 100."),
			pct0(cfg.MinBaseCoverage))))
	if res != nil && len(res.NoBase) > 0 {
		out = append(out, para(fmt.Sprintf(pick(zh, "本次基期无数据、未参与计算的指标：%s。", "Left out here for lack of base-year data: %s."), strings.Join(resultNames(res, res.NoBase, zh), pick(zh, "、", ", ")))))
	}
	return out
}

// resultNames maps indicator codes of res to their names.
func resultNames(res *Result, codes []string, zh bool) []string {
	byCode := map[string]IndicatorResult{}
	for _, ind := range res.Indicators {
		byCode[ind.Code] = ind
	}
	out := make([]string, len(codes))
	for k, c := range codes {
		out[k] = nameOr(byCode[c].NameZH, byCode[c].NameEN, c, zh)
	}
	return out
}

// lowestCoverage is the smallest coverage of res and its period.
func lowestCoverage(res *Result) (float64, string) {
	lo, at := math.Inf(1), ""
	for t, c := range res.Coverage {
		if c < lo {
			lo, at = c, res.Periods[t]
		}
	}
	return lo, at
}
