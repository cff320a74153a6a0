package vocab

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// parsed is a figure together with what stood around it in the cell.
type parsed struct {
	figure
	unit     string // what followed the figure: "个", "%", "元"; "" if nothing
	currency bool   // the cell opened with ¥, RMB, CNY or 人民币
}

// prefixes collects what may stand before a figure: a sign, a qualifier,
// 百分之 and, in money cells, a currency marker.
type prefixes struct {
	neg, signed, percent, currency bool
	q                              Qualifier
}

// parseFigureText is the common parser behind ParseNumber, ParseQuantity and
// ParseMoney. want names the expected kind of value for error messages.
func parseFigureText(s, want string, money bool) (parsed, error) {
	if tooLong(s, maxRunes) {
		return parsed{}, invalid(s, want, "longer than %d characters", maxRunes)
	}
	c := compact(s)
	if c == "" {
		return parsed{}, invalid(s, want, "empty")
	}
	if spaceBetweenDigits(s) {
		return parsed{}, invalid(s, want, "space between digits")
	}
	c, accNeg := cutAccountingParens(c)
	c, sq, _ := cutQualSuffix(c)
	c, pre, err := cutPrefixes(c, money)
	if err != nil {
		return parsed{}, invalid(s, want, "%v", err)
	}
	p, err := parseBody(c, pre, sq)
	if err == errNoFigure {
		return parsed{}, invalid(s, want, "") // the plain "is not a number" says it all
	}
	if err != nil {
		return parsed{}, invalid(s, want, "%v", err)
	}
	if pre.neg != accNeg {
		p.val.Neg(p.val)
	}
	return p, nil
}

// parseBody reads the figure and its unit once the prefixes are gone.
func parseBody(c string, pre prefixes, sq Qualifier) (parsed, error) {
	rs := []rune(c)
	toks, n, err := scanFigure(rs)
	if err != nil {
		return parsed{}, err
	}
	if n == 0 {
		return parsed{}, errNoFigure
	}
	fig, err := evalFigure(toks)
	if err != nil {
		return parsed{}, err
	}
	unit := string(rs[n:])
	plus := Exact
	if rest, ok := strings.CutPrefix(unit, "+"); ok { // "30+"
		unit, plus = rest, AtLeast
	}
	if fig.q, err = mergeAll(fig.q, pre.q, sq, plus); err != nil {
		return parsed{}, err
	}
	if pre.percent {
		if unit != "" {
			return parsed{}, errUnitAfterPercent
		}
		unit = "%"
	}
	return parsed{figure: fig, unit: unit, currency: pre.currency}, nil
}

// maxPrefixes bounds the prefix loop; real cells carry one or two.
const maxPrefixes = 4

// cutPrefixes strips the words before a figure: "约", "-", "百分之", "¥".
func cutPrefixes(c string, money bool) (string, prefixes, error) {
	var p prefixes
	for range maxPrefixes {
		if rest, neg, ok := cutSign(c); ok {
			if p.signed {
				return c, p, errTwoSigns
			}
			c, p.neg, p.signed = rest, neg, true
			continue
		}
		if rest, q, ok := cutQualPrefix(c); ok {
			var okq bool
			if p.q, okq = mergeQual(p.q, q); !okq {
				return c, p, errConflict
			}
			c = rest
			continue
		}
		if rest, ok := cutPercentWord(c); ok && !p.percent {
			c, p.percent = rest, true
			continue
		}
		if rest, ok := cutCurrency(c); ok && money && !p.currency {
			c, p.currency = rest, true
			continue
		}
		break
	}
	return c, p, nil
}

// cutSign removes a leading +, -, − (minus sign) or 负.
func cutSign(c string) (string, bool, bool) {
	r, n := utf8.DecodeRuneInString(c)
	switch r {
	case '-', '−', '负', '負':
		return c[n:], true, true
	case '+':
		return c[n:], false, true
	}
	return c, false, false
}

// cutPercentWord removes 百分之 ("百分之三十" is 30%).
func cutPercentWord(c string) (string, bool) {
	return strings.CutPrefix(c, "百分之")
}

// currencyPrefixes open money cells; ASCII ones are matched ignoring case.
var currencyPrefixes = []string{"人民币", "rmb", "cny", "¥", "￥"}

func cutCurrency(c string) (string, bool) {
	for _, p := range currencyPrefixes {
		if len(c) >= len(p) && strings.EqualFold(c[:len(p)], p) {
			return c[len(p):], true
		}
	}
	return c, false
}

// cutAccountingParens reads "(1,234)", the accountants' negative. Only a bare
// figure qualifies: "(约30)" is a remark, not a negative amount.
func cutAccountingParens(c string) (string, bool) {
	if len(c) < 3 || c[0] != '(' || c[len(c)-1] != ')' {
		return c, false
	}
	inner := c[1 : len(c)-1]
	for _, r := range inner {
		if !isDigit(r) && r != ',' && r != '.' {
			return c, false
		}
	}
	return inner, true
}

// spaceBetweenDigits reports "30 40": dropping the space would make 3040
// out of what is more likely two figures in one cell.
func spaceBetweenDigits(s string) bool {
	c := CleanText(s)
	for i := 1; i+1 < len(c); i++ {
		if c[i] == ' ' && isDigit(rune(c[i-1])) && isDigit(rune(c[i+1])) {
			return true
		}
	}
	return false
}

// mergeAll merges the qualifiers found around one figure.
func mergeAll(qs ...Qualifier) (Qualifier, error) {
	q := Exact
	for _, x := range qs {
		var ok bool
		if q, ok = mergeQual(q, x); !ok {
			return q, errConflict
		}
	}
	return q, nil
}

var (
	errNoFigure         = errors.New("no figure found")
	errTwoSigns         = errors.New("more than one sign")
	errUnitAfterPercent = errors.New("百分之 takes no unit")
)
