package textx

import (
	"strings"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/vocab"
)

// single completes the figure whose numeral is rn and whose unit ends at
// end: it takes in the qualifying words before and after, applies the trap
// filters and has normalize compute the value. start is where the figure's
// own text begins (before 百分之, if any).
func single(sc *scan, start int, rn run, u string, end int) ([]figure, int) {
	a, word := qualBefore(sc, start, rn)
	b := end
	if sfx := qualAfter(sc, end); sfx != "" {
		b += utf8.RuneCountInString(sfx)
	}
	if trapped(sc, a, b, rn, u, word != "") {
		return nil, end
	}
	f, ok := parseFigure(sc, a, rn, u, b)
	if !ok {
		return nil, end
	}
	if q, ok := localQuals[word]; ok {
		f.q = q
	}
	if u == "倍" && b == end && sc.at(end) == '多' { // "增长两倍多": more than twice
		f.b, b, f.q = end+1, end+1, vocab.AtLeast
	}
	if q, ok := qualBeforeVerb(sc, a); ok && word == "" && f.q == vocab.Exact {
		f.q = q
	}
	if q, ok := qualBeforeBase(sc, a); ok && word == "" && f.q == vocab.Exact {
		f.q = q
	}
	return []figure{f}, b
}

// qualBeforeBase reads a qualifier written before the base of a comparison:
// "已超过2017年的8倍" is at least 8 times, "约为2015年的3倍" about 3.
func qualBeforeBase(sc *scan, a int) (vocab.Qualifier, bool) {
	if !sc.endsAt(a, "年的") || a < 3 {
		return vocab.Exact, false
	}
	p := a - 3 // "约为上年的1.5倍"
	if !endsWithAny(sc, a, []string{"上年的", "去年的", "前年的"}) {
		if a < 6 {
			return vocab.Exact, false
		}
		for k := a - 6; k < a-2; k++ {
			if !isASCIIDigit(sc.rs[k]) {
				return vocab.Exact, false
			}
		}
		p = a - 6
	}
	for _, v := range bridgeVerbs {
		if sc.endsAt(p, v) {
			p -= utf8.RuneCountInString(v)
			break
		}
	}
	for _, w := range verbQuals {
		if sc.endsAt(p, w.word) {
			return w.q, true
		}
	}
	return vocab.Exact, false
}

// bridgeVerbs stand between a qualifier and its figure: "最高可达50%",
// "约占全市的40%", "近达到", "最高可获60万元". Longest first.
var bridgeVerbs = []string{"可获得", "可享受", "可达到", "可获", "可得", "可达", "达到", "达", "为", "有", "占"}

// verbQuals are the qualifiers written before such a verb.
var verbQuals = []struct {
	word string
	q    vocab.Qualifier
}{
	{"大约", vocab.Approx}, {"约", vocab.Approx}, {"将近", vocab.AtMost}, {"接近", vocab.AtMost}, {"近", vocab.AtMost},
	{"超过", vocab.AtLeast}, {"最高", vocab.AtMost}, {"最多", vocab.AtMost}, {"不到", vocab.AtMost},
	{"不足", vocab.AtMost}, {"至少", vocab.AtLeast},
}

// shareOfWords name the whole a share is of, between a qualifier and the
// figure: "不到全市0.05%".
var shareOfWords = []string{"全市", "全省", "全国", "全区", "全县"}

// qualBeforeVerb reads a qualifier written before the verb of a figure
// rather than right before the figure: "约占全市的40%" is about 40%.
// 占 may stand before a noun and 的 ("约占参评总数的20%"); the other verbs
// must touch the figure.
func qualBeforeVerb(sc *scan, a int) (vocab.Qualifier, bool) {
	p := -1
	for _, v := range bridgeVerbs {
		if sc.endsAt(a, v) {
			p = a - utf8.RuneCountInString(v)
			break
		}
	}
	if p < 0 && endsWithAny(sc, a, shareOfWords) {
		p = a - 2 // "以不到全市0.05%的土地"
	}
	if p < 0 && sc.at(a-1) == '的' {
		for k := a - 2; k >= clauseStart(sc, a) && k >= a-maxMetricRunes; k-- {
			if sc.rs[k] == '占' {
				p = k
				break
			}
			if !isHan(sc.rs[k]) {
				break
			}
		}
	}
	if p < 0 {
		return vocab.Exact, false
	}
	for _, w := range verbQuals {
		if sc.endsAt(p, w.word) {
			if blocked, ok := prefixWords[w.word]; ok && strings.ContainsRune(blocked, sc.at(p-utf8.RuneCountInString(w.word)-1)) {
				return vocab.Exact, false
			}
			return w.q, true
		}
	}
	return vocab.Exact, false
}

// qualBefore returns where the figure starts once a sign or a qualifying word
// right before the numeral is included, and that word.
func qualBefore(sc *scan, start int, rn run) (int, string) {
	a := start
	if c := sc.at(a - 1); (c == '-' || c == '−') && !isASCIIDigit(sc.at(a-2)) && rn.arabic {
		a-- // a negative figure: "增长-3.2%"
	}
	if sc.at(a-1) == ' ' && rn.arabic {
		if b, w := qualBefore(sc, a-1, rn); w != "" {
			return b, w // "约 5 亿元", "突破 150 亿元"
		}
	}
	for _, w := range prefixQuals {
		if !sc.endsAt(a, w) {
			continue
		}
		n := utf8.RuneCountInString(w)
		if !prefixFits(sc, a-n, w, rn) {
			return a, ""
		}
		return a - n, w
	}
	return a, ""
}

// prefixWords lists, for the one-rune qualifiers, the runes before them
// that make an ordinary word: 节约, 签约 and 制约 do not mean "about", nor
// 最近 "nearly".
var prefixWords = map[string]string{
	"约": "节制签预邀特契公履违婚践相租集",
	"近": "最附邻就亲",
	"超": "赶高",
}

// prefixFits reports whether the qualifying word w at rune p really
// qualifies the figure.
func prefixFits(sc *scan, p int, w string, rn run) bool {
	if blocked, ok := prefixWords[w]; ok && strings.ContainsRune(blocked, sc.at(p-1)) {
		return false
	}
	if w == "上" {
		return rn.bareBig // 上百, 上千, 上万: only before a bare place value
	}
	return true
}

// qualAfter returns the qualifying word written right after the unit.
func qualAfter(sc *scan, end int) string {
	for _, w := range suffixQuals {
		if !sc.hasAt(end, w) {
			continue
		}
		if w == "上下" && strings.ContainsRune("游级班文功半", sc.at(end+2)) {
			return "" // 上下游: up- and downstream, not "about"
		}
		return w
	}
	return ""
}

// parseFigure has normalize compute the value of runes [a, b), the numeral
// rn with unit u. Money becomes yuan.
func parseFigure(sc *scan, a int, rn run, u string, b int) (figure, bool) {
	s := sc.folded(a, b)
	for w := range localQuals {
		if rest, ok := strings.CutPrefix(s, w); ok {
			s = rest
			break
		}
	}
	return evaluate(figure{a: a, b: b, unit: u, zh: rn.zh}, s)
}

// evaluate fills in f's value from s, a figure with its unit f.unit as
// normalize reads it: "30余个", "1亿元", "百分之十五", "30家以上".
func evaluate(f figure, s string) (figure, bool) {
	if g, ok := evaluateOnce(f, s, 1); ok {
		return g, true
	}
	// normalize refuses an Arabic figure of 10,000 or more before 万 or 亿
	// ("13,582.6万元", "12000万元": "units out of order"), which budget
	// lines write all the time. Read the figure without its multiplier
	// and multiply; everything else is still normalize's reading.
	head, factor, tail, ok := cutMultiplier(s)
	if !ok {
		return f, false
	}
	return evaluateOnce(f, head+tail, factor)
}

// cutMultiplier splits "13,582.6万元" into "13,582.6", 10000 and "元" when a
// multiplier directly follows an Arabic digit.
func cutMultiplier(s string) (string, float64, string, bool) {
	for i, r := range s {
		if r != '万' && r != '亿' || i == 0 || !isASCIIDigit(rune(s[i-1])) {
			continue
		}
		rest := s[i+len(string(r)):]
		factor := 1e4
		if r == '亿' {
			factor = 1e8
		}
		if r == '万' && strings.HasPrefix(rest, "亿") {
			factor, rest = 1e12, rest[len("亿"):]
		}
		return s[:i], factor, rest, true
	}
	return "", 0, "", false
}

// evaluateOnce reads s with normalize and scales the value by factor.
func evaluateOnce(f figure, s string, factor float64) (figure, bool) {
	if f.unit == "亿" {
		// "1.6万亿" in a money clause: the multiplier is already in s and
		// normalize reads a figure ending in 万 or 亿 as its own money unit.
		fen, q, err := vocab.ParseMoney(s, "")
		if err != nil {
			return f, false
		}
		f.value, f.q, f.money, f.unit = float64(fen)*factor/100, q, true, "元"
		return f, true
	}
	if moneyUnits[f.unit] {
		fen, q, err := vocab.ParseMoney(strings.Replace(s, f.unit, "元", 1), "")
		if err != nil {
			return f, false
		}
		f.value, f.q, f.money, f.unit = float64(fen)*factor/100, q, true, "元"
		return f, true
	}
	qn, err := vocab.ParseQuantity(s)
	if err != nil || qn.Unit != f.unit {
		return f, false
	}
	f.value, f.q = qn.Value*factor, qn.Qualifier
	return f, true
}
