package vocab

import (
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
