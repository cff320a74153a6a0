package index

import (
	"fmt"
	"math"
	"strings"
)

func noteMissing(_ Config, res *Result, zh bool) []NoteBlock {
	out := []NoteBlock{
		para(pick(zh,
			"未报送的数据按缺失处理，不按 0 计：记为 0 会把指数拉低，而缺失只表示尚无数据（见第六部分算例）。处理规则如下：",
			"Data not reported is missing, not 0: a 0 would pull the index down, while a gap only means there is no figure yet (see the example in part 6). The rules:")),
		{Items: []string{
			pick(zh, "存量指标（年末累计水平）某年未报送时，沿用最近一次报送的数值，并标注为“沿用值”；",
				"a stock (a level at the year's end) not reported carries its last reported value forward, flagged as imputed;"),
			pick(zh, "流量指标（年度发生数）某年未报送时不参与当年计算，同一维度其余指标的权重按比例放大（重新归一）；",
				"a flow (what happened in the year) not reported is left out of that year, and the weights of the other indicators of its pillar are scaled up to sum to 1;"),
			pick(zh, "某个维度当年没有任何指标有数值时，该维度当年缺失，其余维度的权重重新归一，并在结果中标注。",
				"a pillar with no indicator present in a year is missing that year; the other pillars' weights are renormalised, and the result says so."),
		}},
		para(pick(zh,
			"覆盖率 = 当年有实际报送数值的指标的总权重之和（沿用值和基期无数据的指标不计入）。约数（如“30余”）按下限计入。",
			"Coverage is the sum of the overall weights of the indicators reported in the year (imputed values and indicators without base-year data do not count). Approximate figures (such as \"over 30\") count at their lower bound.")),
	}
	if res == nil || len(res.Coverage) == 0 {
		return out
	}
	lo, at := lowestCoverage(res)
	s := fmt.Sprintf(pick(zh, "本次显示的年份中，覆盖率最低为 %s（%s）。", "Among the years shown, coverage is lowest at %s (%s)."), pct0(lo), year(at, zh))
	if lo >= 1-Tolerance {
		s = pick(zh, "本次显示的各年份覆盖率均为 100%。", "Coverage is 100% in every year shown.")
	}
	var approx []string
	for t, codes := range res.ApproxIndicators {
		if len(codes) > 0 {
			approx = append(approx, year(res.Periods[t], zh)+pick(zh, "：", ": ")+strings.Join(resultNames(res, codes, zh), pick(zh, "、", ", ")))
		}
	}
	if len(approx) > 0 {
		s += fmt.Sprintf(pick(zh, "含约数的指标：%s。", " Approximate figures: %s."), strings.Join(approx, pick(zh, "；", "; ")))
	}
	return append(out, para(s))
}

func noteSelection(cfg Config, res *Result, zh bool) []NoteBlock {
	out := []NoteBlock{para(pick(zh,
		"按手册的相关性分析步骤，每个概念只保留一个度量，以免重复计算使指数因构造而偏高：累计数是其年度新增数的逐年加总，两者同时计入，同一事件会在发生当年和以后每一年重复计数；部分与整体同时计入，部分会被计两次。",
		"Following the Handbook's correlation step, each concept has one measure, so the index is not pushed up by construction: a cumulative count is the running sum of its yearly additions, so counting both counts each event in its year and again in every later year; counting a part beside its whole counts the part twice."))}
	names := map[string]string{}
	for _, ind := range cfg.flatten().inds {
		names[ind.Code] = nameOr(ind.NameZH, ind.NameEN, ind.Code, zh)
	}
	var items []string
	var corr *Correlation
	if res != nil {
		corr = res.Correlation
	}
	for _, x := range cfg.Excluded {
		why := pick(zh, "前者是后者的逐年累计", "the former is the running total of the latter")
		if x.Reason == ReasonPart {
			why = pick(zh, "前者是后者的一部分", "the former is part of the latter")
		}
		s := fmt.Sprintf(pick(zh, "%s：不计入，保留%s（%s", "%s: left out; %s is kept (%s"), nameOr(x.NameZH, x.NameEN, x.Code, zh), names[x.Instead], why)
		if r := corr.Between(x.Code, x.Instead); !math.IsNaN(r) {
			s += fmt.Sprintf(pick(zh, "；相关系数 r = %s", "; r = %s"), fmtR(r))
		}
		items = append(items, s+pick(zh, "）。", ")."))
	}
	if len(items) > 0 {
		out = append(out, NoteBlock{Items: items})
	}
	if corr == nil || len(corr.Codes) < 2 {
		return out
	}
	out = append(out, para(fmt.Sprintf(pick(zh,
		"下表为各指标年度序列之间的皮尔逊相关系数（%s—%s，只用实际报送的数值，共同年份少于 %d 个或序列无变化时记“—”）。随时间增长的序列之间相关系数普遍偏高，主要反映共同的增长趋势，因此是否重复计算以概念关系为准，相关系数作为佐证。",
		"The table gives Pearson's r between the indicators' yearly series (%s–%s, reported values only; \"—\" with fewer than %d common years or a series that does not vary). Series that grow over time correlate highly through the common trend alone, so double counting is judged by what the indicators measure, with r as supporting evidence."),
		year(corr.Periods[0], zh), year(corr.Periods[len(corr.Periods)-1], zh), MinCorrelationPeriods)))
	return append(out, NoteBlock{Table: corrTable(corr, zh)})
}

// corrTable numbers the indicators so the matrix stays narrow: row k names
// indicator k, column k is the same indicator.
func corrTable(c *Correlation, zh bool) *NoteTable {
	t := &NoteTable{Header: []string{pick(zh, "指标", "Indicator")}}
	for k := range c.Codes {
		t.Header = append(t.Header, fmt.Sprint(k+1))
	}
	for i := range c.Codes {
		name := c.NamesEN[i]
		if zh {
			name = c.NamesZH[i]
		}
		if c.Excluded[i] {
			name += pick(zh, "（未计入）", " (left out)")
		}
		row := []string{fmt.Sprintf("%d %s", i+1, name)}
		for j := range c.Codes {
			row = append(row, fmtR(c.R[i][j]))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// fmtR writes r with two decimals and a true minus sign; NaN is "—".
func fmtR(r float64) string {
	if math.IsNaN(r) {
		return "—"
	}
	return strings.Replace(fmt.Sprintf("%.2f", r), "-", "−", 1)
}
