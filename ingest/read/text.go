package read

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean trims every kind of space, including the full-width U+3000 and
// the no-break space that Chinese spreadsheets use for alignment.
func clean(s string) string {
	if s == "" {
		return s
	}
	// Fast path, taken by most cells: no space can start or end the cell.
	if noSpaceAt(s, 0) && noSpaceAt(s, len(s)-1) {
		return s
	}
	return strings.TrimFunc(s, isSpace)
}

// noSpaceAt reports that byte i of s is a printable ASCII character, or
// the first or last byte of a CJK ideograph (U+4E00–U+9FFF: lead byte
// E4–E9, continuation bytes 80–BF, which no space rune ends with except
// U+3000, U+2000–U+200B, U+FEFF and U+0085, all led or ended differently
// from an ideograph's own bytes). Anything else goes the careful way.
func noSpaceAt(s string, i int) bool {
	c := s[i]
	if c > ' ' && c < utf8.RuneSelf {
		return true
	}
	if i == 0 {
		return c >= 0xE4 && c <= 0xE9
	}
	if i >= 2 && s[i-2] >= 0xE4 && s[i-2] <= 0xE9 { // last byte of an ideograph
		return c >= 0x80 && c <= 0xBF
	}
	return false
}

// isSpace reports Unicode white space plus the zero-width characters that
// survive copy-and-paste from web pages and WPS.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// normalizeHeader removes full-width spaces, removes whitespace runs that
// touch non-ASCII text (line breaks inside "财政资金\n（万元）", alignment
// spaces in "项  目") and collapses the remaining runs to one space.
func normalizeHeader(s string) string {
	s = strings.ReplaceAll(s, "\u3000", "")
	s = clean(s)
	var b strings.Builder
	var prev rune // last rune written
	pendingSpace := false
	for _, r := range s {
		if isSpace(r) {
			pendingSpace = true
			continue
		}
		if pendingSpace {
			if prev < utf8.RuneSelf && r < utf8.RuneSelf {
				b.WriteByte(' ')
			}
			pendingSpace = false
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// isNumeric reports whether a cell reads as a number: "1234.5",
// "1,234.50", "-3", "12%", "¥100". Header rows never contain such cells.
func isNumeric(s string) bool {
	s = clean(s)
	s = strings.TrimPrefix(s, "¥")
	s = strings.TrimPrefix(s, "￥")
	s = strings.TrimSuffix(s, "%")
	s = strings.ReplaceAll(s, ",", "")
	if s == "" {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// isLabelValue reports "label：value" text such as "单位：万元".
func isLabelValue(s string) bool {
	return strings.ContainsAny(s, ":：")
}
