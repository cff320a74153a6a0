package vocab

import (
	"strconv"
	"strings"
)

// zhDateDigits turns the Chinese numerals in a date into Arabic digits:
// "二〇二一年三月" → "2021年3月", "十二月三十一日" → "12月31日", "第一季度" →
// "第1季度". Runs without 十 are read digit by digit (a year); runs with 十
// are read as a number up to 99 (a month or a day).
func zhDateDigits(orig, c string) (string, error) {
	if !strings.ContainsFunc(c, isZhDateRune) {
		return c, nil
	}
	rs := []rune(c)
	var b strings.Builder
	for i := 0; i < len(rs); {
		if !isZhDateRune(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && isZhDateRune(rs[j]) {
			j++
		}
		v, ok := zhRunValue(rs[i:j])
		if !ok {
			return "", invalid(orig, "a date", "bad Chinese numeral %q", string(rs[i:j]))
		}
		b.WriteString(v)
		i = j
	}
	return b.String(), nil
}

func isZhDateRune(r rune) bool {
	_, ok := zhDigits[r]
	return ok || r == '十'
}

// zhRunValue reads one run: "二〇二一" → "2021", "十二" → "12", "三十一" → "31".
func zhRunValue(rs []rune) (string, bool) {
	ten := -1
	for i, r := range rs {
		if r == '十' {
			if ten >= 0 {
				return "", false
			}
			ten = i
		}
	}
	if ten < 0 {
		var b strings.Builder
		for _, r := range rs {
			b.WriteByte(byte('0' + zhDigits[r]))
		}
		return b.String(), true
	}
	if ten > 1 || len(rs)-ten > 2 {
		return "", false
	}
	tens, ones := int64(1), int64(0)
	if ten == 1 {
		tens = zhDigits[rs[0]]
	}
	if ten+1 < len(rs) {
		ones = zhDigits[rs[ten+1]]
	}
	return strconv.FormatInt(tens*10+ones, 10), true
}
