package textx

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/vocab"
)

// docDateLines is how many non-empty lines from the end FindDocDate reads:
// the signature block, then contact and disclosure notes.
const docDateLines = 12

// maxDateLineRunes is how long a signature line may be: "淄博市科学技术局
// 2021年7月27日" fits, a body sentence does not.
const maxDateLineRunes = 40

// FindDocDate finds the document's own date — the signature date at the
// end, e.g. "2021年7月27日" under "淄博市科学技术局" — and returns it at
// UTC midnight; zero if there is none. Only short lines near the end count,
// so dates of events told in the body are not taken for the letter's date.
func FindDocDate(text string) time.Time {
	lines := strings.Split(text, "\n")
	seen := 0
	for i := len(lines) - 1; i >= 0 && seen < docDateLines; i-- {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		seen++
		if utf8.RuneCountInString(line) > maxDateLineRunes {
			continue
		}
		if t, ok := dayIn(line); ok {
			return t
		}
	}
	return time.Time{}
}

// dayIn returns the last full date (day grain) written in line.
func dayIn(line string) (time.Time, bool) {
	var found time.Time
	for _, m := range findDates(newScan(line)) {
		if m.period.Grain == vocab.GrainDay {
			found = m.period.Start
		}
	}
	return found, !found.IsZero()
}
