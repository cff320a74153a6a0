package textx

import (
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

// mention is a date or period written in a sentence, at runes [a, b).
type mention struct {
	a, b     int
	period   vocab.Period
	relative bool // 目前, 今年: read against the document's date
	// yearless marks "9月12日" written without its year; month and day
	// hold it until resolveYearless supplies the year from context.
	yearless   bool
	month, day string
	role       dateRole // how far the date reaches: see classifyDates
	// start is where a span of years begins ("2016年至2021年", "2016-2021
	// 年"): the period of the value a change in the span starts from.
	start *vocab.Period
}

// yearDigits are the runes a written year may use: 2021 or 二〇二一.
const yearDigits = "0123456789〇零一二三四五六七八九"

// findDates returns the explicit dates of a sentence in reading order:
// 2021年3月2日, 2019年9月, 2020年, 2021年第一季度, 2021年上半年, 2021.3.2,
// 二〇二一年七月二十七日. A year range "2018—2020年" reads as its last year,
// and so does a five-year plan used as a period ("“十三五”期间").
func findDates(sc *scan) []mention {
	var out []mention
	for i := 0; i+4 <= len(sc.rs); i++ {
		if !isYearAt(sc, i) {
			continue
		}
		if m, ok := dateAt(sc, i); ok {
			out = append(out, m)
			i = m.b - 1
		}
	}
	return mergeMentions(mergeMentions(joinSpans(sc, out), findMonthDays(sc, out)), findPlanDates(sc))
}

// joinSpans gives a year written right after another and a 至 ("2016年至
// 2021年") the first as the start of its span.
func joinSpans(sc *scan, ms []mention) []mention {
	for k := 1; k < len(ms); k++ {
		if ms[k].a == ms[k-1].b+1 && strings.ContainsRune("-—–~至到", sc.at(ms[k-1].b)) && ms[k].start == nil {
			p := ms[k-1].period
			ms[k].start = &p
		}
	}
	return ms
}

// mergeMentions merges two lists sorted by position.
func mergeMentions(x, y []mention) []mention {
	out := make([]mention, 0, len(x)+len(y))
	for len(x) > 0 || len(y) > 0 {
		if len(y) == 0 || (len(x) > 0 && x[0].a <= y[0].a) {
			out, x = append(out, x[0]), x[1:]
		} else {
			out, y = append(out, y[0]), y[1:]
		}
	}
	return out
}

// isYearAt reports whether four year digits stand alone at rune i.
func isYearAt(sc *scan, i int) bool {
	for k := i; k < i+4; k++ {
		if !strings.ContainsRune(yearDigits, sc.rs[k]) || (isASCIIDigit(sc.rs[k]) != isASCIIDigit(sc.rs[i])) {
			return false
		}
	}
	return !strings.ContainsRune(yearDigits, sc.at(i-1)) && !strings.ContainsRune(yearDigits, sc.at(i+4))
}

// dateAt reads the date whose year starts at rune i.
func dateAt(sc *scan, i int) (mention, bool) {
	j := i + 4
	switch c := sc.at(j); {
	case c == '年':
		return yearDate(sc, i, j+1)
	case strings.ContainsRune("-—–~至到", c) && isYearAt(sc, j+1) && sc.at(j+5) == '年':
		m, ok := parseMention(sc, j+1, j+6, j+6, i) // 2018-2020年: the range ends in 2020
		if p, err := vocab.ParseDate(sc.folded(i, j) + "年"); ok && err == nil {
			m.start = &p
		}
		return m, ok
	case strings.ContainsRune(".-/", c) && isASCIIDigit(sc.at(j+1)):
		end := j + 1
		for end < len(sc.rs) && end-j < 6 && (isASCIIDigit(sc.rs[end]) || strings.ContainsRune(".-/", sc.rs[end])) {
			end++
		}
		end = trimDateEnd(sc, i, end)
		if _, err := vocab.ParseDate(sc.folded(i, end)); err != nil || strings.ContainsRune(afterValue, sc.at(end)) {
			return mention{}, false // "一季度实现2027.0亿元", "接待游客2018.3万人次": values, not dates
		}
		return parseMention(sc, i, end, end, i)
	case c == 'Q' || c == 'q':
		return parseMention(sc, i, j+2, j+2, i)
	}
	return mention{}, false
}

// afterValue follow a decimal value, never a date: "2018.3万人次".
const afterValue = "万亿千百%‰个项家人名位次元件所台套篇亩吨倍"

// trimDateEnd drops a trailing separator: "2021.3." ends a sentence.
func trimDateEnd(sc *scan, i, end int) int {
	for end > i+4 && !isASCIIDigit(sc.rs[end-1]) {
		end--
	}
	return end
}

// yearTails follow "2021年" and narrow the period; the longest come first.
var yearTails = []string{"第一季度", "第二季度", "第三季度", "第四季度", "一季度", "二季度", "三季度", "四季度",
	"上半年", "下半年", "年度", "度"}

// yearDate reads what follows "2021年": a month and day, a quarter, a half.
func yearDate(sc *scan, i, k int) (mention, bool) {
	for _, t := range yearTails {
		if sc.hasAt(k, t) {
			n := len([]rune(t))
			if t == "度" || t == "年度" {
				return parseMention(sc, i, k, k+n, i)
			}
			return parseMention(sc, i, k+n, k+n, i)
		}
	}
	m := monthDayEnd(sc, k)
	return parseMention(sc, i, m, m, i)
}

// monthDayEnd returns where "3月2日" (or "三月二十七日") starting at k ends,
// or k when no month follows.
func monthDayEnd(sc *scan, k int) int {
	mEnd := numberEnd(sc, k, 2)
	if mEnd == k || sc.at(mEnd) != '月' {
		return k
	}
	dEnd := numberEnd(sc, mEnd+1, 3)
	if dEnd > mEnd+1 && (sc.at(dEnd) == '日' || sc.at(dEnd) == '号') {
		return dEnd + 1
	}
	return mEnd + 1
}

// numberEnd returns the end of up to limit digit runes (Arabic, or Chinese
// with 十) starting at k.
func numberEnd(sc *scan, k, limit int) int {
	j := k
	for j < len(sc.rs) && j-k < limit && (strings.ContainsRune(yearDigits, sc.rs[j]) || sc.rs[j] == '十') {
		j++
	}
	return j
}

// parseMention has normalize read runes [a, b) and records the mention as
// covering runes [from, to).
func parseMention(sc *scan, a, b, to, from int) (mention, bool) {
	p, err := vocab.ParseDate(sc.folded(a, b))
	if err != nil {
		p, err = vocab.ParseDate(sc.folded(a, a+4) + "年")
		if err != nil {
			return mention{}, false
		}
	}
	return mention{a: from, b: max(to, b), period: p}, true
}
