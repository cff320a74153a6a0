package textx

import (
	"strings"
	"unicode/utf8"
)

// signingVerbs open a signing event.
var signingVerbs = []string{"签订", "签署", "签约", "签定", "缔结"}

// planWords before a signing verb make it an intention or a policy, not an
// event: "鼓励企业与高校签订合作协议", "将与…签署".
var planWords = []string{"将", "拟", "计划", "争取", "力争", "鼓励", "引导", "推动", "推进", "支持", "积极",
	"下一步", "准备", "有望"}

// findSigning returns the rune positions of the signing verbs that may open
// an agreement: the first in each clause, when the clause states no figure
// ("签约项目30个" is a figure, not an event) and no plan.
func findSigning(sc *scan, figs []figure) []int {
	var out []int
	lastClause := -1
	for i := range sc.rs {
		if sc.rs[i] != '签' && sc.rs[i] != '缔' {
			continue
		}
		if _, ok := startingAt(sc, i, signingVerbs); !ok || sc.titled[i] {
			continue // 《关于鼓励企业与高校签订…的办法》 names a policy
		}
		cs, ce := clauseStart(sc, i), clauseEnd(sc, i)
		if cs == lastClause || figureIn(figs, cs, ce) || hasWordIn(sc, cs, i, planWords) {
			continue
		}
		lastClause = cs
		out = append(out, i)
	}
	return out
}

// startingAt reports which of words starts at rune i.
func startingAt(sc *scan, i int, words []string) (string, bool) {
	for _, w := range words {
		if sc.hasAt(i, w) {
			return w, true
		}
	}
	return "", false
}

func figureIn(figs []figure, a, b int) bool {
	for _, f := range figs {
		if f.a >= a && f.b <= b {
			return true
		}
	}
	return false
}

// agreementEnds close the object of a signing verb: "签订全面合作协议".
var agreementEnds = []string{"框架协议", "协议书", "协议", "备忘录", "合同", "意向书"}

// maxAgreementRunes caps the signing phrase when no 协议 closes it;
// maxTitledRunes caps a titled one, 签署《…》.
const (
	maxAgreementRunes = 12
	maxTitledRunes    = 60
)

// agreementCandidate describes the signing event whose verb is at rune v.
// It needs an explicit date before the verb and at least one party; the
// home side (淄博市政府) is listed among the partners when the alias table
// knows it.
func (c *sentenceCtx) agreementCandidate(v int) (Candidate, bool) {
	sc := c.sc
	period := ""
	for _, m := range c.dates {
		if m.b <= v && !m.relative {
			period = m.period.String()
		}
	}
	if period == "" {
		return Candidate{}, false
	}
	end := signingEnd(sc, v)
	span := sc.slice(v, end)
	metric := stripQuotes(strings.TrimSuffix(span, "仪式"))
	return Candidate{
		Kind: "agreement", Span: span, Value: 1, Unit: "项",
		Metric: metric, MetricCode: "agreements", Partners: c.signingParties(v),
		PlaceCode: c.placeFor(v, v), Period: period,
		Sentence: c.s.Index, Evidence: c.s.Text,
	}, true
}

// signingEnd returns where the signing phrase starting at v ends: after
// 协议 (or 备忘录, 合同) in its clause, else at the clause end, capped.
func signingEnd(sc *scan, v int) int {
	t := v + 2
	if sc.at(t) == '了' {
		t++ // 签订了《…》
	}
	if sc.at(t) == '《' {
		for k := t + 1; k < len(sc.rs) && k < v+maxTitledRunes; k++ {
			if sc.rs[k] == '》' {
				return k + 1 // the whole title: 签署《…合作备忘录》
			}
		}
	}
	ce := min(clauseEnd(sc, v), v+maxAgreementRunes+4)
	for i := v + 2; i < ce; i++ {
		if w, ok := startingAt(sc, i, agreementEnds); ok {
			end := i + utf8.RuneCountInString(w)
			if c := sc.at(end); c == '》' || c == '”' {
				end++ // the closing mark of a titled agreement
			}
			return end
		}
	}
	return min(ce, v+maxAgreementRunes)
}

// signingParties returns the organisations in the verb's clause; when the
// alias table knows none, the name written between 与 and the verb
// ("与淄博职业学院签订" → 淄博职业学院); failing that, the places named
// before the verb ("济南、淄博两市科技部门签订" → 济南市, 淄博市). It may be
// empty: the event is still dated and worth confirming.
func (c *sentenceCtx) signingParties(v int) []string {
	cs, ce := clauseStart(c.sc, v), clauseEnd(c.sc, v)
	if ps := partnersIn(c.orgs, cs, ce); len(ps) > 0 {
		return ps
	}
	for k := v - 1; k >= cs; k-- {
		if strings.ContainsRune("与同和跟", c.sc.rs[k]) && v-k-1 >= 2 {
			name, _ := c.env.orgs.aliases.Canonical(c.sc.slice(k+1, v))
			return []string{name}
		}
	}
	var out []string
	for _, p := range c.places {
		if p.a >= cs && p.b <= v && !p.home && p.code != "" {
			if pl, ok := placeByCode(p.code); ok && !contains(out, pl) {
				out = append(out, pl)
			}
		}
	}
	return out
}
