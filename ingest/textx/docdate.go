package textx

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/vocab"
)

// docDateLines is how many non-empty lines from the end FindDocDate reads:
// the signature block, then contact and disclosure notes.
const docDateLines = 12

// headDateLines is how many non-empty lines from the top may carry the
// date in a document's heading: title, document number, "（2023年4月12日）".
const headDateLines = 5

// maxDateLineRunes is how long a signature line may be: "淄博市科学技术局
// 2021年7月27日" fits, a body sentence does not.
const maxDateLineRunes = 40

// maxLabelLineRunes is how long a line with a date label may be: web pages
// put "发布时间：2021-07-28 来源：办公室 字体：大 中 小" on one line.
const maxLabelLineRunes = 80

// dateLabels introduce the document's own date on a line of its own.
var dateLabels = []string{"发文日期", "成文日期", "印发日期", "发布日期", "发布时间", "编写日期", "日期"}

// FindDocDate is FindDocPeriod's start at UTC midnight; zero if the text
// states no date of its own.
func FindDocDate(text string) time.Time {
	p, ok := FindDocPeriod(text)
	if !ok {
		return time.Time{}
	}
	return p.Start
}

// FindDocPeriod finds the document's own date: a line labelled 日期 (发文日期,
// 发布时间 …), else the signature date at the end (a short line near the
// end, e.g. "2021年7月27日" under "淄博市科学技术局"), else a full date in
// its heading ("（2023年4月12日）" under the title, or a bracketed month on a
// line of its own, "（2019年8月）"). Dates of events told in
// the body are never taken for the document's date.
func FindDocPeriod(text string) (vocab.Period, bool) {
	lines := strings.Split(text, "\n")
	for _, line := range lines {
		if p, ok := labelledDate(strings.TrimSpace(line)); ok {
			return p, true
		}
	}
	if p, ok := dateInLines(lines, docDateLines, true); ok {
		return p, true
	}
	return dateInLines(lines, headDateLines, false)
}

// labelledDate reads "发文日期：2022-10-09" or "日期：2022年3月18日".
func labelledDate(line string) (vocab.Period, bool) {
	if utf8.RuneCountInString(line) > maxLabelLineRunes {
		return vocab.Period{}, false
	}
	for _, w := range dateLabels {
		i := strings.Index(line, w)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(line[i+len(w):], " \t\u3000")
		r, n := utf8.DecodeRuneInString(rest)
		if r != '：' && r != ':' {
			continue
		}
		if ms := findDates(newScan(strings.TrimLeft(rest[n:], " \t\u3000"))); len(ms) > 0 && ms[0].a == 0 {
			return ms[0].period, true
		}
	}
	return vocab.Period{}, false
}

// dateInLines returns the last full date (day grain) written in a short
// line among the first (or, fromEnd, the last) n non-empty lines.
func dateInLines(lines []string, n int, fromEnd bool) (vocab.Period, bool) {
	seen := 0
	for k := range lines {
		i := k
		if fromEnd {
			i = len(lines) - 1 - k
		}
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		if seen++; seen > n {
			break
		}
		if utf8.RuneCountInString(line) > maxDateLineRunes {
			continue
		}
		if p, ok := dayIn(line); ok {
			return p, true
		}
		if p, ok := bracketedMonth(line); ok && !fromEnd {
			return p, true
		}
	}
	return vocab.Period{}, false
}

// bracketedMonth reads a heading line that is only a bracketed month,
// "（2019年8月）" under a title: the document's date, to the month.
func bracketedMonth(line string) (vocab.Period, bool) {
	inner, ok := strings.CutPrefix(line, "（")
	if !ok {
		return vocab.Period{}, false
	}
	if inner, ok = strings.CutSuffix(inner, "）"); !ok {
		return vocab.Period{}, false
	}
	ms := findDates(newScan(inner))
	if len(ms) != 1 || ms[0].a != 0 || ms[0].b != utf8.RuneCountInString(inner) || ms[0].period.Grain != vocab.GrainMonth {
		return vocab.Period{}, false
	}
	return ms[0].period, true
}

// dayIn returns the last full date (day grain) written in line.
func dayIn(line string) (vocab.Period, bool) {
	var found vocab.Period
	ok := false
	for _, m := range findDates(newScan(line)) {
		if m.period.Grain == vocab.GrainDay {
			found, ok = m.period, true
		}
	}
	return found, ok
}
