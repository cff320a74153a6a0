package vocab

import (
	"errors"
	"math/big"
)

// tokKind classifies the pieces of a figure such as "1亿2000万" or "三十余万".
type tokKind uint8

const (
	tokDigit   tokKind = iota // one Chinese digit: 〇 一 … 九, 两, 壹 …
	tokLiteral                // an Arabic figure "1,234.5" or a Chinese decimal "一点五"
	tokSmall                  // 十 百 千: multiply the digit before them
	tokBig                    // 万 亿: multiply everything before them
	tokMark                   // 余 多 几 来: the figure is a bound or rough
)

// token is one piece of a figure.
type token struct {
	kind  tokKind
	digit int64    // tokDigit
	unit  int64    // tokSmall, tokBig
	val   *big.Rat // tokLiteral
	q     Qualifier
}

// zhDigits covers everyday and financial (大写) digits, simplified and traditional.
var zhDigits = map[rune]int64{
	'〇': 0, '零': 0, '一': 1, '壹': 1, '二': 2, '贰': 2, '貳': 2, '两': 2, '兩': 2,
	'三': 3, '叁': 3, '參': 3, '四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6,
	'陸': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

var zhSmall = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

var zhBig = map[rune]int64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8}

// maxExponent bounds "1e40": enough for any real figure, small enough that
// "1e999999999" cannot make big.Rat allocate gigabytes.
const maxExponent = 40

// scanFigure reads the figure at the start of rs and returns its tokens and
// how many runes it used. It stops at the first rune that cannot belong to a
// figure; what follows is the unit.
func scanFigure(rs []rune) ([]token, int, error) {
	var toks []token
	i := 0
	for i < len(rs) {
		t, n, err := scanToken(rs[i:], len(toks) > 0)
		if err != nil {
			return nil, 0, err
		}
		if n == 0 {
			break
		}
		toks = append(toks, t)
		i += n
	}
	return toks, i, nil
}

// scanToken reads one token; n == 0 means rs does not start with one.
// Marks are only taken after something, so "多项" alone is not a figure.
func scanToken(rs []rune, after bool) (token, int, error) {
	r := rs[0]
	if isDigit(r) || (r == '.' && !after && len(rs) > 1 && isDigit(rs[1])) {
		return scanArabic(rs)
	}
	if d, ok := zhDigits[r]; ok {
		if t, n := scanZhDecimal(rs); n > 0 {
			return t, n, nil
		}
		return token{kind: tokDigit, digit: d}, 1, nil
	}
	if u, ok := zhSmall[r]; ok {
		return token{kind: tokSmall, unit: u}, 1, nil
	}
	if u, ok := zhBig[r]; ok {
		return token{kind: tokBig, unit: u}, 1, nil
	}
	if q, ok := marks[r]; ok && after {
		return token{kind: tokMark, q: q}, 1, nil
	}
	return token{}, 0, nil
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// scanZhDecimal reads "一点五" (digit, 点, digits) as one literal.
func scanZhDecimal(rs []rune) (token, int) {
	if len(rs) < 3 || (rs[1] != '点' && rs[1] != '點') {
		return token{}, 0
	}
	buf := []byte{byte('0' + zhDigits[rs[0]]), '.'}
	n := 2
	for n < len(rs) {
		d, ok := zhDigits[rs[n]]
		if !ok {
			break
		}
		buf = append(buf, byte('0'+d))
		n++
	}
	if n == 2 {
		return token{}, 0
	}
	v, _ := new(big.Rat).SetString(string(buf))
	return token{kind: tokLiteral, val: v}, n
}

var errGrouping = errors.New("digits are not grouped by thousands")
var errExponent = errors.New("exponent out of range")

// scanArabic reads "1,234.5" or "1.5E+08". Commas must group by three: a
// "1,5" is a European decimal comma or a typo, and guessing would be wrong.
func scanArabic(rs []rune) (token, int, error) {
	i, buf, err := scanIntPart(rs)
	if err != nil {
		return token{}, 0, err
	}
	if i+1 < len(rs) && rs[i] == '.' && isDigit(rs[i+1]) {
		buf = append(buf, '.')
		for i++; i < len(rs) && isDigit(rs[i]); i++ {
			buf = append(buf, byte(rs[i]))
		}
	}
	v, ok := new(big.Rat).SetString(string(buf))
	if !ok {
		return token{}, 0, errGrouping
	}
	exp, n := scanExponent(rs[i:])
	if exp > maxExponent || exp < -maxExponent {
		return token{}, 0, errExponent
	}
	if n > 0 {
		v.Mul(v, pow10(exp))
	}
	return token{kind: tokLiteral, val: v}, i + n, nil
}

// scanIntPart reads digits and grouping commas; the result has no commas.
func scanIntPart(rs []rune) (int, []byte, error) {
	buf := []byte{'0'}
	i, group, commas := 0, 0, 0
	for ; i < len(rs); i++ {
		switch {
		case isDigit(rs[i]):
			buf = append(buf, byte(rs[i]))
			group++
		case rs[i] == ',' && i+1 < len(rs) && isDigit(rs[i+1]) && i > 0:
			if (commas == 0 && group > 3) || (commas > 0 && group != 3) {
				return 0, nil, errGrouping
			}
			commas, group = commas+1, 0
		default:
			return finishGroups(i, buf, commas, group)
		}
	}
	return finishGroups(i, buf, commas, group)
}

func finishGroups(i int, buf []byte, commas, group int) (int, []byte, error) {
	if commas > 0 && group != 3 {
		return 0, nil, errGrouping
	}
	return i, buf, nil
}

// scanExponent reads "e8", "E+08", "e-3"; n == 0 when there is none.
func scanExponent(rs []rune) (exp, n int) {
	if len(rs) < 2 || (rs[0] != 'e' && rs[0] != 'E') {
		return 0, 0
	}
	i, sign := 1, 1
	if rs[1] == '+' || rs[1] == '-' {
		if rs[1] == '-' {
			sign = -1
		}
		i++
	}
	start := i
	for ; i < len(rs) && isDigit(rs[i]); i++ {
		if exp <= maxExponent {
			exp = exp*10 + int(rs[i]-'0')
		}
	}
	if i == start {
		return 0, 0
	}
	return sign * exp, i
}

// pow10 returns 10^e as a rational, for e in ±maxExponent.
func pow10(e int) *big.Rat {
	neg := e < 0
	if neg {
		e = -e
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil)
	if neg {
		return new(big.Rat).SetFrac(big.NewInt(1), p)
	}
	return new(big.Rat).SetInt(p)
}
