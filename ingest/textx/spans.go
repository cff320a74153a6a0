package textx

import (
	"strings"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/ingest/normalize"
)

// figure is one figure found in a sentence, before its context is read.
type figure struct {
	a, b    int // runes [a, b) of the figure as written, qualifiers included
	num     int // first rune of the numeral itself
	unit    string
	value   float64
	q       normalize.Qualifier
	money   bool
	zh      bool // the numeral is written in Chinese
	isRange bool // "3至5家": value is the lower bound, qualifier AtLeast
}

// run describes a numeral as scanned: "30余", "1.5万", "一百二十".
type run struct {
	a, b     int
	arabic   bool // has Arabic digits
	zhDigit  bool // has a Chinese digit (一 … 九, 两)
	ten      bool // has 十, which alone is a figure ("十家")
	mark     bool // has 余/多/几/来
	zh       bool // written in Chinese only
	bareBig  bool // only 百/千/万/亿: "百名", "千家万户" — a figure only when qualified
	valueOne bool // the Chinese word 一: a count word, not a figure
}

// maxRunRunes bounds one numeral; "1,234,567,890.12亿" is far shorter.
const maxRunRunes = 32

// findFigures returns the figures of a sentence in reading order.
func findFigures(sc *scan) []figure {
	var out []figure
	i := utf8.RuneCountInString(sc.text[:markerLen(sc.text)])
	for i < len(sc.rs) {
		if !startsNumeral(sc, i) {
			i++
			continue
		}
		figs, next := readFigure(sc, i)
		out = append(out, figs...)
		i = max(next, i+1)
	}
	return out
}

func startsNumeral(sc *scan, i int) bool {
	r := sc.rs[i]
	return isASCIIDigit(r) || strings.ContainsRune(zhDigits, r) || strings.ContainsRune(zhPlaces, r)
}

// readRun reads the numeral starting at i.
func readRun(sc *scan, i int) run {
	rn := run{a: i, b: i}
	j := i
	for j < len(sc.rs) && j-i < maxRunRunes {
		r := sc.rs[j]
		switch {
		case isASCIIDigit(r):
			if rn.zhDigit {
				return finishRun(sc, rn, j)
			}
			rn.arabic = true
		case (r == ',' || r == '.') && isASCIIDigit(sc.at(j-1)) && isASCIIDigit(sc.at(j+1)) && j > i:
		case r == '点' && strings.ContainsRune(zhDigits, sc.at(j-1)) && strings.ContainsRune(zhDigits, sc.at(j+1)) && j > i:
		case strings.ContainsRune(zhDigits, r):
			if rn.arabic {
				return finishRun(sc, rn, j)
			}
			rn.zhDigit = true
		case strings.ContainsRune(zhPlaces, r):
			rn.ten = rn.ten || r == '十' || r == '拾'
		case strings.ContainsRune(zhMarks, r) && j > i && !strings.ContainsRune(zhMarks, sc.at(j-1)):
			rn.mark = true
		case isGap(r) && isASCIIDigit(sc.at(j-1)):
			// "367.1 亿元": text copied from PDFs puts spaces before the
			// multiplier; it is still one figure.
			k := skipGap(sc, j)
			if !strings.ContainsRune("万亿萬億", sc.at(k)) {
				return finishRun(sc, rn, j)
			}
			j = k - 1
		default:
			return finishRun(sc, rn, j)
		}
		j++
	}
	return finishRun(sc, rn, j)
}

func finishRun(sc *scan, rn run, end int) run {
	// A trailing 来 or 多 that is not followed by a unit belongs to the next
	// word ("30多年来" is handled by the unit check; "三来" is not a figure).
	rn.b = end
	rn.zh = !rn.arabic
	rn.bareBig = !rn.arabic && !rn.zhDigit && !rn.ten && !rn.mark
	word := sc.folded(rn.a, rn.b)
	rn.valueOne = word == "一" || word == "壹"
	return rn
}

// matchUnit returns the unit written at rune i, or "".
func matchUnit(sc *scan, i int) string {
	for _, u := range units {
		if sc.hasAt(i, u) {
			n := utf8.RuneCountInString(u)
			if blocked, ok := unitWords[u]; ok && strings.ContainsRune(blocked, sc.at(i+n)) {
				return ""
			}
			if (u == "个" || u == "個") && isDurationAt(sc, i+n) {
				return ""
			}
			return u
		}
	}
	return ""
}

// durations follow 个 in lengths of time: "两个月", "3个工作日".
var durations = []string{"月", "多月", "小时", "星期", "工作日", "年头", "季度", "学期"}

func isDurationAt(sc *scan, i int) bool {
	_, ok := startingAt(sc, i, durations)
	return ok
}

// readFigure reads the figure (or figures, for "3、5、8家") whose numeral
// starts at i and returns where scanning continues.
func readFigure(sc *scan, i int) ([]figure, int) {
	numStart := i
	if sc.hasAt(i, "百分之") {
		numStart = i + 3
	}
	rn := readRun(sc, numStart)
	if rn.b == rn.a {
		return nil, i + 1
	}
	if isLetter(sc.at(i-1)) || isLetter(sc.at(rn.b)) || isLetter(sc.at(skipGap(sc, rn.b))) {
		return nil, rn.b // G20, 5G, 3D, 4.0T: names, not figures
	}
	if numStart > i {
		return single(sc, i, rn, "%", rn.b)
	}
	ub := rn.b
	if isASCIIDigit(sc.at(rn.b - 1)) {
		ub = skipGap(sc, rn.b) // "6588 家"
	}
	u := matchUnit(sc, ub)
	if u == "" {
		return unitless(sc, rn)
	}
	end := ub + utf8.RuneCountInString(u)
	if u == "%" && strings.ContainsRune(rangeSeps, sc.at(end)) {
		if figs, next, ok := readRange(sc, rn, end); ok {
			return figs, next
		}
	}
	return single(sc, i, rn, u, end)
}

// unitless handles a numeral with no unit right after it: a range ("3至5家"),
// a list sharing the last unit ("3、5、8家"), or nothing (years, codes,
// phone numbers, list numbers).
func unitless(sc *scan, rn run) ([]figure, int) {
	switch c := sc.at(rn.b); {
	case strings.ContainsRune(rangeSeps, c):
		figs, next, _ := readRange(sc, rn, rn.b)
		return figs, next
	case c == '、' && rn.arabic:
		return readList(sc, rn)
	}
	if endsInYi(sc, rn) && moneyClause(sc, rn.a) {
		return single(sc, rn.a, rn, "亿", rn.b)
	}
	return nil, rn.b
}

// endsInYi reports whether the numeral ends in 亿 ("1.6万亿", "36亿"), which
// reports use for 亿元 when the clause is about money.
func endsInYi(sc *scan, rn run) bool {
	r := sc.at(rn.b - 1)
	return r == '亿' || r == '億' // a bare 千亿 must still be qualified: see trapped
}

// moneyWords make a clause about money: "技工贸总收入1.6万亿".
var moneyWords = []string{"收入", "投资", "产值", "资金", "投入", "营收", "成交额", "交易额", "金额", "总额",
	"贷款", "增加值", "生产总值", "GDP", "税收", "资产", "经费", "融资", "基金", "规模"}

// moneyClause reports whether the clause before rune a speaks of money.
func moneyClause(sc *scan, a int) bool {
	return hasWordIn(sc, clauseStart(sc, a), a, moneyWords)
}

// readRange reads "3至5家" whose separator is at sep. A range becomes one
// figure: the lower bound, qualified AtLeast, spanning both ends. Ranges of
// durations or dates ("3至5年", "1-6月", "2018-2020年") and joined codes
// ("0533-3180278") have no counting unit and yield nothing.
func readRange(sc *scan, rn run, sep int) ([]figure, int, bool) {
	if !startsNumeral(sc, min(sep+1, len(sc.rs)-1)) || sep+1 >= len(sc.rs) {
		return nil, sep, false
	}
	hi := readRun(sc, sep+1)
	u := matchUnit(sc, hi.b)
	if u == "" || hi.zh != rn.zh {
		return nil, hi.b, false
	}
	end := hi.b + utf8.RuneCountInString(u)
	if sc.at(rn.a-1) == '第' || sc.titled[rn.a] {
		return nil, end, false
	}
	f, ok := evaluate(figure{a: rn.a, b: end, num: rn.a, unit: u, zh: rn.zh}, sc.folded(rn.a, rn.b)+u)
	if !ok {
		return nil, end, false
	}
	f.isRange, f.q = true, normalize.AtLeast
	return []figure{f}, end, true
}

// maxListItems bounds "3、5、8家" lists.
const maxListItems = 8

// readList reads Arabic numerals joined by 、 that share the unit written
// after the last one: "分别为3、5、8家".
func readList(sc *scan, first run) ([]figure, int) {
	runs := []run{first}
	for len(runs) < maxListItems {
		last := runs[len(runs)-1]
		if sc.at(last.b) != '、' || !isASCIIDigit(sc.at(last.b+1)) {
			return nil, last.b
		}
		rn := readRun(sc, last.b+1)
		if rn.zh || isLetter(sc.at(rn.b)) {
			return nil, rn.b
		}
		runs = append(runs, rn)
		if u := matchUnit(sc, rn.b); u != "" {
			return listFigures(sc, runs, u)
		}
	}
	return nil, runs[len(runs)-1].b
}

func listFigures(sc *scan, runs []run, u string) ([]figure, int) {
	var out []figure
	last := len(runs) - 1
	for _, rn := range runs[:last] { // an inner item's span is the bare number
		if trapped(sc, rn.a, rn.b, rn, u, false) {
			continue
		}
		f, ok := evaluate(figure{a: rn.a, b: rn.b, num: rn.a, unit: u, zh: rn.zh}, sc.folded(rn.a, rn.b)+u)
		if ok {
			out = append(out, f)
		}
	}
	end := runs[last].b + utf8.RuneCountInString(u)
	figs, next := single(sc, runs[last].a, runs[last], u, end)
	return append(out, figs...), next
}

// maxGap is how many spaces may stand between a figure and its unit.
const maxGap = 2

// isGap reports a space or line break that PDF copies leave inside figures.
func isGap(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' || r == '\n' || r == '\r' }

// skipGap returns the first rune at or after i that is not a gap, if at most
// maxGap gaps stand there; else i.
func skipGap(sc *scan, i int) int {
	k := i
	for k < len(sc.rs) && k-i < maxGap && isGap(sc.rs[k]) {
		k++
	}
	if isGap(sc.at(k)) {
		return i
	}
	return k
}

func isLetter(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }
