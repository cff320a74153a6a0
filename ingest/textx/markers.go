package textx

import (
	"strings"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/vocab"
)

// zhListDigits are the Chinese numerals used to number list items (一、 …
// 二十、).
const zhListDigits = "一二三四五六七八九十"

// Marker kinds: a heading of one kind ends the section of the previous
// heading of the same kind.
const (
	kindNone = iota
	kindArabic
	kindZh
	kindParen
	kindCircled
)

// markerKind returns the kind of list marker opening s.
func markerKind(s string) int {
	switch {
	case arabicMarker(s) > 0:
		return kindArabic
	case zhMarker(s) > 0:
		return kindZh
	case parenMarker(s) > 0:
		return kindParen
	case circledMarker(s) > 0:
		return kindCircled
	}
	return kindNone
}

// markerLen returns the byte length of the list-item marker that opens s
// ("1.", "2、", "一、", "（一）", "(1)", "①"), including the spaces after it,
// or 0 when s does not open with one. An Arabic marker must be one or two
// digits not followed by another digit, so "1.5亿" and "2021.3.2" are not
// markers.
func markerLen(s string) int {
	n := arabicMarker(s)
	if n == 0 {
		n = zhMarker(s)
	}
	if n == 0 {
		n = parenMarker(s)
	}
	if n == 0 {
		n = circledMarker(s)
	}
	if n == 0 {
		return 0
	}
	return n + (len(s[n:]) - len(strings.TrimLeft(s[n:], " \t\u3000")))
}

// arabicMarker matches "1." "12、" "3．" "4）".
func arabicMarker(s string) int {
	i := 0
	for i < len(s) && i < 3 && isASCIIDigit(rune(s[i])) {
		i++
	}
	if i == 0 || i > 2 {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '.', '．', '、', '）', ')':
	default:
		return 0
	}
	if next, _ := utf8.DecodeRuneInString(s[i+n:]); isASCIIDigit(foldRune(next)) {
		return 0 // a decimal or a date: "1.5亿", "3.2日"
	}
	return i + n
}

// zhMarker matches "一、" … "二十、".
func zhMarker(s string) int {
	return numbered(s, 0, func(r rune) bool { return strings.ContainsRune(zhListDigits, r) }, "、．")
}

// parenMarker matches "（一）", "(1)", "（12）".
func parenMarker(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if r != '(' && r != '（' {
		return 0
	}
	return numbered(s, n, func(c rune) bool { return isASCIIDigit(foldRune(c)) || strings.ContainsRune(zhListDigits, c) }, ")）")
}

// numbered matches one to three digits (as digit says) from byte i of s
// and then one of the closing runes in ends; it returns the bytes matched
// from the start of s, 0 for no match.
func numbered(s string, i int, digit func(rune) bool, ends string) int {
	count := 0
	for i < len(s) && count < 3 {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !digit(r) {
			break
		}
		i, count = i+n, count+1
	}
	if count == 0 {
		return 0
	}
	if r, n := utf8.DecodeRuneInString(s[i:]); strings.ContainsRune(ends, r) {
		return i + n
	}
	return 0
}

// circledMarker matches ① … ⑳, ⑴ … ⒇ and ⒈ … ⒛.
func circledMarker(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if r >= '①' && r <= '⒛' {
		return n
	}
	return 0
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// foldRune maps full-width digits, letters and ASCII symbols to their ASCII
// twins, so that "３０％" is scanned like "30%", and traditional characters
// to simplified ones, so that "130餘項" is scanned like "130余项". The full-width forms that
// serve as Chinese punctuation (，！？：；（）) are kept: "30，500" in prose
// is two clauses, not thirty thousand five hundred.
func foldRune(r rune) rune {
	if r < 0xFF01 || r > 0xFF5E || strings.ContainsRune("，！？：；（）", r) {
		return vocab.FoldTraditional(r) // 項, 萬, 億 scan as 项, 万, 亿
	}
	return r - 0xFEE0
}
