package textx

import (
	"strconv"
	"strings"
	"time"

	"github.com/zibo-kj/corridor/ingest/normalize"
)

// mention is a date or period written in a sentence, at runes [a, b).
type mention struct {
	a, b     int
	period   normalize.Period
	relative bool // 目前, 今年: read against the document's date
	// yearless marks "9月12日" written without its year; month and day
	// hold it until resolveYearless supplies the year from context.
	yearless   bool
	month, day string
}

// yearDigits are the runes a written year may use: 2021 or 二〇二一.
const yearDigits = "0123456789〇零一二三四五六七八九"

// findDates returns the explicit dates of a sentence in reading order:
// 2021年3月2日, 2019年9月, 2020年, 2021年第一季度, 2021年上半年, 2021.3.2,
// 二〇二一年七月二十七日. A year range "2018—2020年" reads as its last year.
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
	return mergeMentions(out, findMonthDays(sc, out))
}

// findMonthDays returns the dates written without a year ("9月12日",
// "3月份") outside the dated mentions already found. A month ending a range
// ("1-6月") is a span of months, not a date, and is skipped.
func findMonthDays(sc *scan, dated []mention) []mention {
	var out []mention
	next := 0
	for i := 0; i < len(sc.rs); i++ {
		for next < len(dated) && dated[next].b <= i {
			next++
		}
		if next < len(dated) && dated[next].a <= i {
			i = dated[next].b - 1
			continue
		}
		if m, ok := monthDayAt(sc, i); ok {
			out = append(out, m)
			i = m.b - 1
		}
	}
	return out
}

// monthDayAt reads "9月12日" or "9月" at rune i.
func monthDayAt(sc *scan, i int) (mention, bool) {
	if strings.ContainsRune(yearDigits+"十-—–~至到个年", sc.at(i-1)) {
		return mention{}, false
	}
	mEnd := numberEnd(sc, i, 2)
	if mEnd == i || sc.at(mEnd) != '月' {
		return mention{}, false
	}
	m := mention{a: i, b: mEnd + 1, yearless: true, month: sc.folded(i, mEnd)}
	if dEnd := numberEnd(sc, mEnd+1, 3); dEnd > mEnd+1 && (sc.at(dEnd) == '日' || sc.at(dEnd) == '号') {
		m.b, m.day = dEnd+1, sc.folded(mEnd+1, dEnd)
	}
	return m, true
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

// resolveYearless gives each yearless date the year of the nearest dated
// mention before it in the sentence, else of lead (the paragraph's opening
// date), else year (the year in context, 0 if unknown); one that stays
// without a year is dropped.
func resolveYearless(ms []mention, lead *normalize.Period, year int) []mention {
	out := ms[:0]
	if lead != nil {
		year = lead.Start.Year()
	}
	for _, m := range ms {
		if !m.yearless {
			year = m.period.Start.Year()
			out = append(out, m)
			continue
		}
		if year == 0 {
			continue
		}
		s := strconv.Itoa(year) + "年" + m.month + "月"
		if m.day != "" {
			s += m.day + "日"
		}
		p, err := normalize.ParseDate(s)
		if err != nil {
			continue
		}
		m.period, m.yearless = p, false
		out = append(out, m)
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
		return parseMention(sc, j+1, j+6, j+6, i) // 2018-2020年: the range ends in 2020
	case strings.ContainsRune(".-/", c) && isASCIIDigit(sc.at(j+1)):
		end := j + 1
		for end < len(sc.rs) && end-j < 6 && (isASCIIDigit(sc.rs[end]) || strings.ContainsRune(".-/", sc.rs[end])) {
			end++
		}
		end = trimDateEnd(sc, i, end)
		return parseMention(sc, i, end, end, i)
	case c == 'Q' || c == 'q':
		return parseMention(sc, i, j+2, j+2, i)
	}
	return mention{}, false
}

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
	p, err := normalize.ParseDate(sc.folded(a, b))
	if err != nil {
		p, err = normalize.ParseDate(sc.folded(a, a+4) + "年")
		if err != nil {
			return mention{}, false
		}
	}
	return mention{a: from, b: max(to, b), period: p}, true
}

// relativeWords are the words that date a figure by the document's own
// date: "截至目前" is the month the letter was written, "本年度" its year.
var relativeWords = []struct {
	word  string
	grain normalize.Grain
	years int // years back from the document's year
}{
	{"截至目前", normalize.GrainMonth, 0}, {"截止目前", normalize.GrainMonth, 0},
	{"目前", normalize.GrainMonth, 0}, {"当前", normalize.GrainMonth, 0},
	{"今年上半年", normalize.GrainHalf, 0}, {"本年度", normalize.GrainYear, 0},
	{"今年", normalize.GrainYear, 0}, {"本年", normalize.GrainYear, 0},
	{"年内", normalize.GrainYear, 0}, {"全年", normalize.GrainYear, 0}, {"去年", normalize.GrainYear, 1},
	{"上半年", normalize.GrainHalf, 0}, {"下半年", normalize.GrainHalf, 0},
	{"上年度", normalize.GrainYear, 1}, {"上一年", normalize.GrainYear, 1},
}

// findRelative returns the relative date words of a sentence: 目前 is the
// month of doc, 今年 and 全年 the year in context (year: the report's own
// year, which a summary signed in January names in its title), 去年 the
// year before. None when doc and year are unknown. Words inside an explicit
// date ("2022年上半年") are part of that date.
func findRelative(sc *scan, doc time.Time, year int, explicit []mention) []mention {
	if year == 0 && !doc.IsZero() {
		year = doc.Year()
	}
	if year == 0 {
		return nil
	}
	var out []mention
	for i := 0; i < len(sc.rs); i++ {
		if inMention(explicit, i) {
			continue
		}
		for _, w := range relativeWords {
			if !sc.hasAt(i, w.word) {
				continue
			}
			n := len([]rune(w.word))
			if w.grain == normalize.GrainMonth && doc.IsZero() {
				break
			}
			p := periodOf(doc, year, w.grain, w.years)
			if strings.HasSuffix(w.word, "下半年") {
				p.Start = p.Start.AddDate(0, 6, 0)
			}
			out = append(out, mention{a: i, b: i + n, period: p, relative: true})
			i += n - 1
			break
		}
	}
	return out
}

func inMention(ms []mention, i int) bool {
	for _, m := range ms {
		if m.a <= i && i < m.b {
			return true
		}
	}
	return false
}

// periodOf returns the month of doc for GrainMonth, else the period of
// grain g in year, years back.
func periodOf(doc time.Time, year int, g normalize.Grain, years int) normalize.Period {
	y := year - years
	switch g {
	case normalize.GrainMonth:
		return normalize.Period{Start: time.Date(doc.Year(), doc.Month(), 1, 0, 0, 0, 0, time.UTC), Grain: g}
	case normalize.GrainHalf:
		return normalize.Period{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Grain: g}
	}
	return normalize.Period{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Grain: normalize.GrainYear}
}
