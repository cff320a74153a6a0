package vocab

import (
	"fmt"
	"unicode/utf8"
)

// ValueError reports a value that could not be normalised. It keeps the
// offending value so that row reports can show it beside its line and column.
type ValueError struct {
	// Value is the input as given, shortened when it is very long so that a
	// hostile cell cannot blow up a report.
	Value string
	// Want says what the value should have been: "a number", "an amount", ...
	Want string
	// Reason says why it is not, or is empty when the shape is not recognised.
	Reason string
}

// Error renders `vocab: "abc万元" is not an amount` plus the reason, if any.
func (e *ValueError) Error() string {
	msg := fmt.Sprintf("vocab: %q is not %s", e.Value, e.Want)
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}

// maxQuoted bounds how much of a bad value an error repeats.
const maxQuoted = 48

// invalid builds a *ValueError for value; reason is a format string.
func invalid(value, want, reason string, args ...any) error {
	if len(args) > 0 {
		reason = fmt.Sprintf(reason, args...)
	}
	return &ValueError{Value: shorten(value), Want: want, Reason: reason}
}

// shorten cuts s to maxQuoted runes, marking the cut with an ellipsis.
func shorten(s string) string {
	if len(s) <= maxQuoted {
		return s
	}
	n := 0
	for i := range s {
		if n == maxQuoted {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// maxRunes caps the length of numbers and dates: no real cell is longer, and
// the cap keeps the work on hostile input small.
const maxRunes = 256

// tooLong reports whether s exceeds limit runes, checking the byte length
// first so that a megabyte string is rejected without scanning it.
func tooLong(s string, limit int) bool {
	if len(s) > limit*utf8.UTFMax {
		return true
	}
	return utf8.RuneCountInString(s) > limit
}
