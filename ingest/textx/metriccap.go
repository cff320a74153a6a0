package textx

import "strings"

// wholeWords are the words a metric phrase is never cut inside when it is
// capped to maxMetricRunes: "有效发明专利拥有量" must not lose its 有.
// With the metric words of metricCodes and moneyCodes they hold the heads
// and modifiers these texts build metric names from.
var wholeWords = []string{"有效发明专利", "发明专利", "高新技术", "科技进步", "科技创新", "规模以上",
	"规上工业", "综合科技", "新型研发机构", "研发机构", "工程技术", "重点实验室", "专精特新", "技术改造",
	"国家级", "省级以上", "省级", "市级", "万人", "每万人", "地区生产总值", "一般公共预算"}

// capSlack is how far past maxMetricRunes a cap may reach back to keep a
// word whole.
const capSlack = 6

// capMetric keeps the last maxMetricRunes runes of a metric phrase (its
// head is last), moving the cut back to the start of a word it would split
// ("效发明专利拥有量" → "有效发明专利拥有量"), or else forward past a
// function word ("…在经济增长中的比重" → "比重" side), so that the
// metric never starts mid-word.
func capMetric(m string) string {
	rs := []rune(m)
	cut := len(rs) - maxMetricRunes
	if cut <= 0 {
		return m
	}
	best := -1
	for _, w := range wordList() {
		for i := strings.Index(m, w); i >= 0; {
			a := len([]rune(m[:i]))
			if b := a + len([]rune(w)); a < cut && cut < b && cut-a <= capSlack && (best < 0 || a < best) {
				best = a
			}
			j := strings.Index(m[i+len(w):], w)
			if j < 0 {
				break
			}
			i += len(w) + j
		}
	}
	if best >= 0 {
		return string(rs[best:])
	}
	for k := cut; k < len(rs)-2; k++ { // the first function word at or after the cut
		if strings.ContainsRune("的之在中和与及占", rs[k]) {
			return string(rs[k+1:])
		}
	}
	return string(rs[cut:])
}

// wordList is wholeWords with the words of the metric codes.
var wordList = func() func() []string {
	out := append([]string{}, wholeWords...)
	for _, m := range metricCodes {
		out = append(out, m.word)
	}
	for _, m := range moneyCodes {
		out = append(out, m.word)
	}
	return func() []string { return out }
}()
