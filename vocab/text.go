package vocab

import (
	"strings"
	"unicode"
)

// CleanText trims s, folds full-width ASCII letters, digits and symbols to
// half-width ("ＡＢＣ１２３％" → "ABC123%"), turns every kind of space into
// one ASCII space, collapses runs of spaces and removes zero-width and other
// invisible format characters (they arrive from copy-pasted Word documents
// and break equality silently).
//
// Chinese punctuation is kept as it is written, including the full-width
// forms that double as Chinese sentence punctuation: ，！？：；（）. Those
// are how Chinese text is punctuated, not stray full-width ASCII.
func CleanText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isInvisible(r):
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(foldWidth(r, true))
	}
	return b.String()
}

// compact is the stricter cleaning used before parsing figures and dates:
// every full-width form is folded (a "，" inside "1，234" is a thousands
// separator) and all spaces are dropped ("30 余 个" reads as "30余个").
func compact(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isInvisible(r) || unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(foldWidth(r, false))
	}
	return b.String()
}

// isInvisible reports format characters (zero-width space and joiners, BOM,
// soft hyphen, bidi marks) and control characters other than whitespace.
func isInvisible(r rune) bool {
	if unicode.Is(unicode.Cf, r) {
		return true
	}
	return unicode.Is(unicode.Cc, r) && !unicode.IsSpace(r)
}

// foldWidth maps a full-width ASCII form (U+FF01..U+FF5E) to its ASCII twin.
// With keepZH set, the forms used as Chinese punctuation are left alone.
func foldWidth(r rune, keepZH bool) rune {
	if r < 0xFF01 || r > 0xFF5E {
		return r
	}
	if keepZH && strings.ContainsRune("，！？：；（）", r) {
		return r
	}
	return r - 0xFEE0
}

// hasHan reports whether s contains a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
