package textx

import (
	"strconv"
	"strings"
	"time"

	"github.com/zibo-kj/corridor/vocab"
)

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

// resolveYearless gives each yearless date the year of the nearest dated
// mention before it in the sentence, else of lead (the paragraph's opening
// date), else the document's year for a day in the month before the
// document's date doc ("10月25日，市统计局公布…" in news of 11月13日), else
// year (the year in context, 0 if unknown); one that stays without a year
// is dropped.
func resolveYearless(ms []mention, aside []bool, lead *vocab.Period, year int, doc time.Time) []mention {
	out := ms[:0]
	stated := lead != nil
	if lead != nil {
		year = lead.Start.Year()
	}
	for _, m := range ms {
		if !m.yearless {
			if !aside[m.a] { // "（2024-2030年）" does not give 3月17日 its year
				year, stated = m.period.Start.Year(), true
			}
			out = append(out, m)
			continue
		}
		y := year
		if !stated && m.day != "" && recentDay(doc, m.month, m.day) {
			y = doc.Year()
		}
		if y == 0 {
			continue
		}
		s := strconv.Itoa(y) + "年" + m.month + "月"
		if m.day != "" {
			s += m.day + "日"
		}
		p, err := vocab.ParseDate(s)
		if err != nil {
			continue
		}
		m.period, m.yearless = p, false
		out = append(out, m)
	}
	return out
}

// recentDays is how far before the document's date a yearless day is read
// as the document's own year.
const recentDays = 31

// recentDay reports whether month and day (as written) fall, in the year of
// doc, within recentDays before doc.
func recentDay(doc time.Time, month, day string) bool {
	if doc.IsZero() {
		return false
	}
	p, err := vocab.ParseDate(strconv.Itoa(doc.Year()) + "年" + month + "月" + day + "日")
	if err != nil {
		return false
	}
	d := doc.Sub(p.Start)
	return d >= 0 && d <= recentDays*24*time.Hour
}

// relativeWords are the words that date a figure by the document's own
// date: "截至目前" is the month the letter was written, "本年度" its year.
var relativeWords = []struct {
	word  string
	grain vocab.Grain
	years int // years back from the document's year
	// docYear reads the word against the document's own year, not the
	// year the text is telling of (全年 and 年内 follow the story).
	docYear bool
	// opens: the word dates only when it opens a clause without a date
	// ("…连续两年入选，现有在校生4万余人"), not inside one ("全市现有…").
	opens bool
}{
	{"截至目前", vocab.GrainMonth, 0, false, false}, {"截止目前", vocab.GrainMonth, 0, false, false},
	{"目前", vocab.GrainMonth, 0, false, false}, {"如今", vocab.GrainMonth, 0, false, false}, {"当前", vocab.GrainMonth, 0, false, false},
	{"今年上半年", vocab.GrainHalf, 0, true, false}, {"本年度", vocab.GrainYear, 0, false, false},
	{"今年", vocab.GrainYear, 0, true, false}, {"本年", vocab.GrainYear, 0, false, false},
	{"年内", vocab.GrainYear, 0, false, false}, {"全年", vocab.GrainYear, 0, false, false},
	{"去年全年", vocab.GrainYear, 1, true, false}, {"去年上半年", vocab.GrainHalf, 1, true, false}, {"去年", vocab.GrainYear, 1, true, false},
	{"上半年", vocab.GrainHalf, 0, false, false}, {"下半年", vocab.GrainHalf, 0, false, false},
	{"上年度", vocab.GrainYear, 1, false, false}, {"上一年", vocab.GrainYear, 1, false, false},
	{"现有", vocab.GrainMonth, 0, false, true}, {"现在", vocab.GrainMonth, 0, false, true},
	{"至今", vocab.GrainMonth, 0, false, true}, {"迄今", vocab.GrainMonth, 0, false, true},
	{"明年", vocab.GrainYear, -1, true, false}, {"上年", vocab.GrainYear, 1, false, false},
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
			if w.grain == vocab.GrainMonth && doc.IsZero() {
				break
			}
			if w.opens && (clauseStart(sc, i) != i || dateIn(explicit, i, clauseEnd(sc, i))) {
				break
			}
			y := year
			if w.docYear && !doc.IsZero() {
				y = doc.Year() // 今年 and 去年 are the writer's, whatever year the text tells of
			}
			p := periodOf(doc, y, w.grain, w.years)
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

// dateIn reports whether one of ms starts within runes [a, b).
func dateIn(ms []mention, a, b int) bool {
	for _, m := range ms {
		if a <= m.a && m.a < b {
			return true
		}
	}
	return false
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
func periodOf(doc time.Time, year int, g vocab.Grain, years int) vocab.Period {
	y := year - years
	switch g {
	case vocab.GrainMonth:
		return vocab.Period{Start: time.Date(doc.Year(), doc.Month(), 1, 0, 0, 0, 0, time.UTC), Grain: g}
	case vocab.GrainHalf:
		return vocab.Period{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Grain: g}
	}
	return vocab.Period{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Grain: vocab.GrainYear}
}
