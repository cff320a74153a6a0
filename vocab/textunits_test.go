package vocab

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// TestTextUnits: longest first (so 个百分点 beats 个), no duplicates, and
// no date words, which are never units of a figure.
func TestTextUnits(t *testing.T) {
	us := TextUnits()
	for i := 1; i < len(us); i++ {
		if utf8.RuneCountInString(us[i]) > utf8.RuneCountInString(us[i-1]) {
			t.Fatalf("%q comes after the shorter %q", us[i], us[i-1])
		}
	}
	seen := map[string]bool{}
	for _, u := range us {
		if seen[u] {
			t.Errorf("%q listed twice", u)
		}
		seen[u] = true
	}
	for _, date := range []string{"年", "月", "日", "天", "号"} {
		if slices.Contains(us, date) {
			t.Errorf("date word %q is listed as a unit", date)
		}
	}
}
