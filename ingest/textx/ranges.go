package textx

import (
	"strings"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/vocab"
)

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
	f, ok := evaluate(figure{a: rn.a, b: end, unit: u, zh: rn.zh}, sc.folded(rn.a, rn.b)+u)
	if !ok {
		return nil, end, false
	}
	f.q = vocab.AtLeast
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
		f, ok := evaluate(figure{a: rn.a, b: rn.b, unit: u, zh: rn.zh}, sc.folded(rn.a, rn.b)+u)
		if ok {
			out = append(out, f)
		}
	}
	end := runs[last].b + utf8.RuneCountInString(u)
	figs, next := single(sc, runs[last].a, runs[last], u, end)
	return append(out, figs...), next
}
