package charts

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Number formats a value for Chinese readers: 万 and 亿 for large numbers,
// thousands separators otherwise; English uses K/M/B-free plain grouping
// with "10k"-style units for yuan.
func Number(v float64, unit, lang string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	if lang == "en" {
		return englishNumber(v, unit)
	}
	a := math.Abs(v)
	switch {
	case unit == "元" && a >= 1e8:
		return trim(v/1e8) + "亿元"
	case unit == "元" && a >= 1e4:
		return trim(v/1e4) + "万元"
	case a >= 1e8:
		return trim(v/1e8) + "亿" + unit
	case a >= 1e5:
		return trim(v/1e4) + "万" + unit
	}
	return group(v) + unit
}

func englishNumber(v float64, unit string) string {
	u := unitEN(unit)
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return trim(v/1e9) + " bn " + u
	case a >= 1e6:
		return trim(v/1e6) + " m " + u
	}
	return strings.TrimSpace(group(v) + " " + u)
}

func unitEN(u string) string {
	switch u {
	case "元":
		return "yuan"
	case "个", "项", "家", "场", "人", "份", "次":
		return ""
	}
	return u
}

// trim keeps two decimals at most and drops trailing zeros.
func trim(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// group formats with thousands separators and up to two decimals.
func group(v float64) string {
	neg := v < 0
	s := trim(math.Abs(v))
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// Percent formats a ratio (0.123 → "+12.3%").
func Percent(r *float64) string {
	if r == nil {
		return ""
	}
	return fmt.Sprintf("%+.1f%%", *r*100)
}

// ScaleFor picks a divisor and unit label so a chart's axis reads in 万元 or
// 亿元 rather than raw yuan.
func ScaleFor(max float64, unit, lang string) (float64, string) {
	if unit != "元" {
		return 1, T(lang, unit, unitEN(unit))
	}
	switch {
	case max >= 1e8:
		return 1e8, T(lang, "亿元", "100m yuan")
	case max >= 1e4:
		return 1e4, T(lang, "万元", "10k yuan")
	}
	return 1, T(lang, "元", "yuan")
}

// unitNote is the line under a chart that names its unit.
func unitNote(unit, lang string) string {
	if unit == "" {
		return ""
	}
	return T(lang, "单位："+unit, "Unit: "+unit)
}
