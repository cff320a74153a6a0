package vocab

import (
	"strings"
	"unicode/utf8"
)

// UnitFromHeader splits a column header into its name and unit:
// "金额（万元）" → ("金额", "万元"), "金额(亿元)" → ("金额", "亿元"),
// "资金/万元" → ("资金", "万元"), "amount (10k yuan)" → ("amount", "万元"),
// "金额（单位：万元）" → ("金额", "万元"), "占比（%）" → ("占比", "%").
//
// Money units come back in canonical Chinese form: "10k yuan" and "CNY 10k"
// are 万元, "100M yuan" 亿元, "yuan" and "CNY" 元. Other known units (个, 项,
// %, 人次 …) come back as written. A bracket that holds no unit ("备注（选填）")
// leaves the header whole with unit "". A bracket that mentions 元 but is no
// plain money unit ("万元/年") is returned as the unit anyway, so that
// ParseMoney refuses it instead of silently reading the column as 元.
func UnitFromHeader(h string) (name, unit string) {
	if tooLong(h, maxRunes) {
		return h, "" // no header is this long; don't spend work on it
	}
	c := CleanText(h)
	if n, u, ok := bracketUnit(c); ok {
		return n, u
	}
	if n, u, ok := separatedUnit(c); ok {
		return n, u
	}
	if n, u, ok := gluedUnit(c); ok {
		return n, u
	}
	return c, ""
}

const (
	openBrackets  = "(（[【〔"
	closeBrackets = ")）]】〕"
)

// bracketUnit reads a unit in trailing brackets: "金额（万元）".
func bracketUnit(c string) (string, string, bool) {
	last, size := utf8.DecodeLastRuneInString(c)
	if !strings.ContainsRune(closeBrackets, last) {
		return "", "", false
	}
	open := strings.LastIndexAny(c, openBrackets)
	if open < 0 {
		return "", "", false
	}
	_, osize := utf8.DecodeRuneInString(c[open:])
	inner := strings.TrimSpace(c[open+osize : len(c)-size])
	inner, explicit := cutUnitLabel(inner)
	u, ok := recogniseUnit(inner)
	switch {
	case ok:
	case inner != "" && (explicit || strings.Contains(inner, "元")):
		u, ok = compact(inner), true
	default:
		return "", "", false
	}
	return strings.TrimSpace(c[:open]), u, ok
}

// cutUnitLabel removes "单位：" or "unit:" from the inside of a bracket.
func cutUnitLabel(s string) (string, bool) {
	for _, p := range []string{"单位：", "单位:", "单位", "unit:", "Unit:", "unit", "Unit"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return strings.TrimSpace(rest), true
		}
	}
	return s, false
}

// separatedUnit reads a unit after "/", a comma, a colon or a space:
// "资金/万元", "amount, 10k yuan", "金额 万元". The longest recognised tail wins,
// so "amount 10k yuan" gives 万元, not 元.
func separatedUnit(c string) (string, string, bool) {
	if i := strings.LastIndexAny(c, "/,，:："); i >= 0 {
		_, size := utf8.DecodeRuneInString(c[i:])
		if u, ok := recogniseUnit(c[i+size:]); ok && strings.TrimSpace(c[:i]) != "" {
			return strings.TrimSpace(c[:i]), u, true
		}
	}
	words := strings.Fields(c)
	for k := min(3, len(words)-1); k >= 1; k-- {
		if u, ok := recogniseUnit(strings.Join(words[len(words)-k:], " ")); ok {
			return strings.Join(words[:len(words)-k], " "), u, true
		}
	}
	return "", "", false
}

// gluedUnits may follow a Chinese header with no separator: "投资额万元".
// Plain 元 is left out: too many words end in it.
var gluedUnits = []string{"百万元", "千万元", "万亿元", "万元", "亿元", "千元", "%", "‰"}

func gluedUnit(c string) (string, string, bool) {
	for _, u := range gluedUnits {
		if rest, ok := strings.CutSuffix(c, u); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest), u, true
		}
	}
	return "", "", false
}

// recogniseUnit returns the canonical form of a money unit, or a known other
// unit as written.
func recogniseUnit(u string) (string, bool) {
	if m, ok := moneyUnit(u); ok {
		return m, true
	}
	k := compact(u)
	if otherUnits[strings.ToLower(k)] {
		return k, true
	}
	return "", false
}
