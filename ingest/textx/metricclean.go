package textx

import (
	"strings"
	"unicode/utf8"
)

// verbTails end a metric phrase without naming anything: "增长到1607家"
// counts what the clause's subject names, not 增长到.
var verbTails = []string{"增长到", "增长至", "发展到", "扩大到", "增加到", "提高到", "提升到", "上升到", "下降到",
	"达到", "时仅有", "时仅", "时", "仅有", "仅", "已达", "目前", "由最初的",
	"由", "从", "最初的", "的", "已",
	// a rank's verb: "专利申请量位居全省第3位" ranks 专利申请量
	"稳居全省", "位居全省", "名列全省", "位列全省", "居全省", "列全省",
	"位居全国", "居全国", "位居全市", "居全市", "列全市"}

// subjectStops end the subject at the head of a clause: "高新技术企业由…".
var subjectStops = []string{"由", "从", "增长", "达到", "发展到", "扩大", "较", "比", "同比", "已", "连续", "目前", "突破", "超过"}

// metricEdgePunct never begins or ends a metric: "）的2.3倍" names nothing.
const metricEdgePunct = "（）()、，,：:；;“”\"' 　"

// cleanMetric drops dates and verb tails from a metric phrase: "由2016年"
// and "达到2018年" name nothing; "增长到" is a verb.
func cleanMetric(m string) string {
	m = strings.Trim(dropYears(m), metricEdgePunct)
	for changed := true; changed; {
		changed = false
		for _, w := range verbTails {
			if rest, ok := strings.CutSuffix(m, w); ok {
				m, changed = rest, true
			}
			if rest, ok := strings.CutPrefix(m, w); ok && rest != "" {
				m, changed = rest, true
			}
		}
	}
	return m
}

// dropYears removes "2016年" and "2016年的" from a phrase.
func dropYears(m string) string {
	rs := []rune(m)
	var out []rune
	for i := 0; i < len(rs); i++ {
		if i+4 < len(rs) && rs[i+4] == '年' && allDigits(rs[i:i+4]) {
			i += 4
			if i+1 < len(rs) && rs[i+1] == '的' {
				i++
			}
			continue
		}
		out = append(out, rs[i])
	}
	return string(out)
}

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if !isASCIIDigit(r) {
			return false
		}
	}
	return true
}

// subjectOf returns the noun phrase opening the clause of rune a, when it
// stops before a verb of change: "技术合同成交额由2016年的…增长到18亿元"
// → 技术合同成交额. "" when the clause opens with no such phrase.
func subjectOf(sc *scan, a int, cut []bool) string {
	s := clauseStart(sc, a)
	for s < a && cut[s] {
		s++
	}
	for k := s; k < a; k++ {
		if _, ok := startingAt(sc, k, subjectStops); ok || !isHan(sc.rs[k]) {
			p := trimWords(stripLeadingDate(sc.slice(s, k)), leadWords, true)
			if n := utf8.RuneCountInString(p); n >= 2 && n <= maxMetricRunes {
				return p
			}
			return ""
		}
	}
	return ""
}
