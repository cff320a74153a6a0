package vocab

import (
	"math/big"
	"strconv"
	"strings"
)

// currencyWords may close a money cell: "300万元", "2,000元整", "500 yuan".
var currencyWords = map[string]bool{
	"元": true, "元整": true, "圆": true, "块": true, "块钱": true, "元人民币": true,
	"人民币": true, "yuan": true, "rmb": true, "cny": true,
}

// ParseMoney parses a money cell into fen (分, 1/100 yuan), exactly.
//
// headerUnit is the unit of the column ("万元" from "金额（万元）", see
// UnitFromHeader), or "" if none. The cell may carry its own unit: "1亿元",
// "1.5亿", "300万元", "300万", "2,000元", "五百万元", "30余万元" (AtLeast).
// A unit in the cell wins over the header's; no unit anywhere means 元.
//
// A cell carries its own unit when it ends in 元 (or 块, yuan, RMB) or in the
// multiplier 万 or 亿. 千 and 百 alone are read as numerals, not units: "三千"
// in a 万元 column is 3000万元. A leading ¥ or RMB marks the currency, not the
// magnitude, so "¥300" in a 万元 column is 300万元.
//
// The result is rounded half away from zero to whole fen. Errors name the
// value and why: `vocab: "abc万元" is not an amount`.
func ParseMoney(s, headerUnit string) (fen int64, q Qualifier, err error) {
	const want = "an amount"
	factor := int64(1)
	if strings.TrimSpace(headerUnit) != "" {
		u, ok := moneyUnit(headerUnit)
		if !ok {
			return 0, Exact, invalid(headerUnit, "a money unit", "taken from the column header")
		}
		factor = moneyFactors[u]
	}
	p, err := parseFigureText(s, want, true)
	if err != nil {
		return 0, Exact, err
	}
	own := p.endsBig
	if p.unit != "" {
		if !currencyWords[strings.ToLower(p.unit)] {
			return 0, Exact, invalid(s, want, "unexpected unit %q", shorten(p.unit))
		}
		own = true
	}
	if own {
		factor = 1
	}
	fen, ok := toFen(p.val, factor)
	if !ok {
		return 0, Exact, invalid(s, want, "out of range")
	}
	return fen, p.q, nil
}

// toFen returns v·factor yuan in fen, rounded half away from zero, and
// whether it fits an int64.
func toFen(v *big.Rat, factor int64) (int64, bool) {
	x := new(big.Rat).Mul(v, big.NewRat(factor*100, 1))
	num := new(big.Int).Abs(x.Num())
	q, m := new(big.Int).QuoRem(num, x.Denom(), new(big.Int))
	if m.Lsh(m, 1).Cmp(x.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if x.Sign() < 0 {
		q.Neg(q)
	}
	if !q.IsInt64() {
		return 0, false
	}
	return q.Int64(), true
}

// ScaleExact multiplies a figure as written (its shortest decimal form) by
// factor in exact decimal arithmetic, so 9.2 亿元 is 920000000 yuan, not
// the 919999999.9999999 of a float product.
func ScaleExact(v, factor float64) float64 {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(v, 'g', -1, 64))
	f := new(big.Rat).SetFloat64(factor)
	if !ok || f == nil {
		return v * factor
	}
	out, _ := r.Mul(r, f).Float64()
	return out
}
