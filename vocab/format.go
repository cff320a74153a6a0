package vocab

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

const (
	fenPerWan = 1_000_000      // 1万元 in fen
	fenPerYi  = 10_000_000_000 // 1亿元 in fen
)

// FormatMoneyZH formats fen for Chinese readers, choosing the unit a report
// would: from 1亿元 up "1.23亿元", from 1万元 up "300万元", below that
// "2,000元". At most two decimals, trailing zeros trimmed, rounded half away
// from zero; a figure that rounds up to the next unit moves to it
// (99,999,999.99元 is "1亿元", not "10,000万元").
func FormatMoneyZH(fen int64) string {
	neg := fen < 0
	abs := uint64(fen)
	if neg {
		abs = -abs // two's complement: right even for math.MinInt64
	}
	wan := roundDiv(abs, fenPerWan/100) // hundredths of 万元
	var s string
	switch {
	case abs >= fenPerYi || wan >= 100*10_000:
		s = decimal2(roundDiv(abs, fenPerYi/100)) + "亿元"
	case abs >= fenPerWan:
		s = decimal2(wan) + "万元"
	default:
		s = decimal2(abs) + "元"
	}
	if neg {
		s = "-" + s
	}
	return s
}

// roundDiv divides rounding half away from zero (both are non-negative).
func roundDiv(n, d uint64) uint64 {
	q, r := n/d, n%d
	if r >= d-r {
		q++
	}
	return q
}

// decimal2 renders hundredths with thousands separators and no trailing
// zeros: 123456 → "1,234.56", 30000 → "300".
func decimal2(h uint64) string {
	s := groupThousands(strconv.FormatUint(h/100, 10))
	frac := strings.TrimRight(strconv.FormatUint(100+h%100, 10)[1:], "0")
	if frac != "" {
		s += "." + frac
	}
	return s
}

// groupThousands puts commas between groups of three digits.
func groupThousands(d string) string {
	if len(d) <= 3 {
		return d
	}
	var b strings.Builder
	head := len(d) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(d[:head])
	for i := head; i < len(d); i += 3 {
		b.WriteByte(',')
		b.WriteString(d[i : i+3])
	}
	return b.String()
}

// FormatNumber formats a figure for readers, the one formatter of the
// dashboard, its exports and reports. Chinese: money in 元/万元/亿元 (from
// 1万元 and 1亿元 up, exact to the fen), other units with 万 from 100,000
// and 亿 from 100,000,000; English: "m" and "bn" with English unit names.
// At most two decimals, trailing zeros trimmed; a figure that rounds up to
// the next step moves to it (99,999,999.99 元 is 1亿元, not 10000万元).
// NaN and infinities read "—".
func FormatNumber(v float64, unit, lang string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	if lang == "en" {
		u := UnitName(unit, "en")
		s := scaled(v, []step{{1e9, 1e9, " bn"}, {1e6, 1e6, " m"}})
		return strings.TrimSpace(s + " " + u)
	}
	if unit == "元" && math.Abs(v) < 9e16 {
		return FormatMoneyZH(int64(math.Round(v * 100)))
	}
	return scaled(v, []step{{1e8, 1e8, "亿"}, {1e4, 1e5, "万"}}) + unit
}

// step is a power the formatter may divide by, its word, and the raw
// value from which it is used.
type step struct {
	div, from float64
	word      string
}

// scaled writes v divided by the largest step (steps run largest first) it
// reaches, or grouped in thousands below every step. A figure already in a
// step that rounds, at two decimals, up to the next step moves to it
// (9999.999万 is 1亿); a plain figure is never rounded into a step.
func scaled(v float64, steps []step) string {
	a := math.Abs(v)
	for i, s := range steps {
		h := math.Round(a / s.div * 100)
		roundsUp := i+1 < len(steps) && a >= steps[i+1].from && h >= math.Round(s.from/s.div*100)
		if a >= s.from || roundsUp {
			return sign(v) + decimal2(uint64(h)) + s.word
		}
	}
	return sign(v) + decimal2(uint64(math.Round(a*100)))
}

func sign(v float64) string {
	if v < 0 && math.Round(math.Abs(v)*100) != 0 {
		return "-"
	}
	return ""
}

// UnitName is a unit as readers of lang see it: Chinese as stored; in
// English yuan for 元 and nothing for counters (个, 项, 家 …), which the
// number alone says.
func UnitName(unit, lang string) string {
	if lang != "en" {
		return unit
	}
	switch unit {
	case "元":
		return "yuan"
	case "万元":
		return "10k yuan"
	case "亿元":
		return "100m yuan"
	case "个", "项", "家", "场", "人", "份", "次", "名", "件", "所":
		return ""
	}
	return unit
}

// ScaleFor picks a divisor and the unit label for an axis whose largest
// value is max, so money reads in 万元 or 亿元 rather than raw yuan.
func ScaleFor(max float64, unit, lang string) (float64, string) {
	if unit != "元" {
		return 1, UnitName(unit, lang)
	}
	switch {
	case max >= 1e8:
		return 1e8, UnitName("亿元", lang)
	case max >= 1e4:
		return 1e4, UnitName("万元", lang)
	}
	return 1, UnitName("元", lang)
}

// FormatChange formats a ratio of change: 0.123 → "+12.3%"; nil → "".
func FormatChange(r *float64) string {
	if r == nil {
		return ""
	}
	return fmt.Sprintf("%+.1f%%", *r*100)
}
