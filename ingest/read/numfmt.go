package read

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// numKind is what a cell's number format makes of a number.
type numKind uint8

const (
	kindNumber   numKind = iota // plain number, kept as its decimal text
	kindDate                    // "2006-01-02"
	kindTime                    // "15:04:05"
	kindDateTime                // "2006-01-02 15:04:05"
)

// builtinKind classifies the built-in number formats that show dates or
// times, including the CJK ones Chinese Excel and WPS use (27–36, 50–58:
// yyyy"年"m"月"d"日", h"时"mm"分" …). 46 ([h]:mm:ss) is elapsed time, a
// duration rather than a moment, and stays a number.
func builtinKind(id int) numKind {
	switch {
	case id >= 14 && id <= 17, id >= 27 && id <= 31, id == 36, id >= 50 && id <= 54, id == 57, id == 58:
		return kindDate
	case id >= 18 && id <= 21, id >= 32 && id <= 35, id == 45, id == 47, id == 55, id == 56:
		return kindTime
	case id == 22:
		return kindDateTime
	}
	return kindNumber
}

// formatKind classifies a custom format code by the date and time tokens
// in its first section, ignoring quoted text, escaped characters, fill and
// padding characters and bracketed colours and locales. An elapsed-time
// bracket ([h], [mm], [ss]) marks a duration, which stays a number.
func formatKind(code string) numKind {
	var hasDate, hasTime, hasM bool
	rs := []rune(strings.ToLower(code))
	for i := 0; i < len(rs); i++ {
		switch c := rs[i]; c {
		case ';':
			i = len(rs) // first section only
		case '"':
			for i++; i < len(rs) && rs[i] != '"'; i++ {
			}
		case '\\', '_', '*':
			i++
		case '[':
			end := i + 1
			for end < len(rs) && rs[end] != ']' {
				end++
			}
			if isElapsed(string(rs[min(i+1, len(rs)):min(end, len(rs))])) {
				return kindNumber
			}
			i = end
		case 'y', 'd':
			hasDate = true
		case 'h', 's':
			hasTime = true
		case 'm':
			hasM = true
		}
	}
	switch {
	case hasDate && hasTime:
		return kindDateTime
	case hasDate || hasM && !hasTime:
		return kindDate
	case hasTime:
		return kindTime
	}
	return kindNumber
}

// isElapsed reports the bracket content of an elapsed-time token.
func isElapsed(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c != rune(s[0]) {
			return false
		}
	}
	return s[0] == 'h' || s[0] == 'm' || s[0] == 's'
}

// Excel serial date bounds: 9999-12-31 is the last day Excel shows.
const maxSerial = 2958465

// renderSerial turns an Excel serial number into ISO text for a date or
// time format. ok is false when the number is not a date Excel could show
// (negative, beyond 9999, or day 0 in the 1900 system), and the caller
// keeps the number.
func renderSerial(v float64, kind numKind, date1904 bool) (string, bool) {
	if v < 0 || v >= maxSerial+1 || math.IsNaN(v) {
		return "", false
	}
	secs := int64(math.Round(v * 86400))
	days, rem := secs/86400, secs%86400
	clock := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rem) * time.Second).Format("15:04:05")
	if kind == kindTime {
		return clock, true
	}
	date, ok := serialDate(days, date1904)
	if !ok {
		return "", false
	}
	if kind == kindDateTime {
		return date + " " + clock, true
	}
	return date, true
}

// serialDate converts whole days to "2006-01-02". The 1900 system counts
// the 29 February 1900 that never was (Lotus compatibility), so days
// before it are one off from a plain epoch.
func serialDate(days int64, date1904 bool) (string, bool) {
	if date1904 {
		return time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)).Format(time.DateOnly), true
	}
	switch {
	case days <= 0:
		return "", false
	case days < 60:
		return time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)).Format(time.DateOnly), true
	case days == 60:
		return "1900-02-29", true
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)).Format(time.DateOnly), true
}

// maxDigits is Excel's precision: it shows at most 15 significant digits.
const maxDigits = 15

// normalizeNumber keeps a stored number's text ("1234.5"), dropping
// meaningless trailing fraction zeros that some writers store
// ("0.300000000000000"). Numbers in exponent form or with binary noise
// beyond 15 significant digits ("0.30000000000000004") are rounded to 15
// digits, as Excel shows them, and written as plain decimals.
func normalizeNumber(v string) string {
	if !strings.ContainsAny(v, "eE") && significantDigits(v) <= maxDigits {
		if _, err := strconv.ParseFloat(v, 64); err != nil || !strings.Contains(v, ".") {
			return v
		}
		return strings.TrimSuffix(strings.TrimRight(v, "0"), ".")
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(f, 0) {
		return v
	}
	f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', maxDigits, 64), 64)
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// significantDigits counts digits without leading zeros and, for numbers
// with a fraction, without trailing zeros.
func significantDigits(v string) int {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, v)
	digits = strings.TrimLeft(digits, "0")
	if strings.Contains(v, ".") {
		digits = strings.TrimRight(digits, "0")
	}
	return len(digits)
}

// isoLayouts are the forms of t="d" cells (ISO 8601 stored dates).
var isoLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", time.DateOnly}

// renderISO re-formats a stored ISO date like a serial date, keeping the
// text when it does not parse.
func renderISO(v string, kind numKind) string {
	for _, l := range isoLayouts {
		t, err := time.Parse(l, strings.TrimSpace(v))
		if err != nil {
			continue
		}
		midnight := t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0
		switch {
		case kind == kindTime:
			return t.Format(time.TimeOnly)
		case kind == kindDate || kind == kindNumber && midnight:
			return t.Format(time.DateOnly)
		}
		return t.Format(time.DateTime)
	}
	return v
}
