package textx

import "github.com/zibo-kj/corridor/vocab"

// planTails follow a five-year plan's name when it is used as a period:
// "“十三五”期间，…位列全省第三位" is a figure of 2020, the plan's last
// year. "“十三五”以来" is the start of a span (see roleSince). A plan named
// as a document ("“十四五”规划") dates nothing.
var planTails = []string{"期间", "时期", "末", "以来"}

// planNames are the plan names, longest first.
var planNames = vocab.PlanNames()

// findPlanDates returns the five-year plans of a sentence used as periods.
func findPlanDates(sc *scan) []mention {
	var out []mention
	for i := 0; i < len(sc.rs); i++ {
		name, ok := startingAt(sc, i, planNames)
		if !ok {
			continue
		}
		a, b := i, i+len([]rune(name))
		if sc.at(b) == '”' || sc.at(b) == '"' {
			b++
		}
		if sc.at(a-1) == '“' || sc.at(a-1) == '"' {
			a-- // "比“十二五”末增加130天": the quote stands between 比 and the plan
		}
		p, ok := vocab.PlanPeriod(name)
		if _, tail := startingAt(sc, b, planTails); ok && (tail || endsWithAny(sc, a, reviewWords)) {
			out = append(out, mention{a: a, b: b, period: p})
		}
		i = b - 1
	}
	return out
}
