package textx

import (
	"strings"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/vocab"
)

// figure is one figure found in a sentence, before its context is read.
type figure struct {
	a, b  int // runes [a, b) of the figure as written, qualifiers included
	unit  string
	value float64
	q     vocab.Qualifier
	money bool
	zh    bool // the numeral is written in Chinese
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
		if f, ok := firstPlace(sc, i); ok {
			out = append(out, f)
			i = f.b
			continue
		}
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

// finishRun closes the numeral at end and classifies it. A trailing mark
// needs no special case: "30多年" fails the unit check like "30年".
func finishRun(sc *scan, rn run, end int) run {
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
	if figs, next, ok := special(sc, rn); ok {
		return figs, next
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
