package engine

import (
	"os"
	"strings"
	"testing"
)

// TestAnalystGuideStatesTheLimits: docs/analyst.md's table of limits says
// what the users file enforces; every bounded limit is in it.
func TestAnalystGuideStatesTheLimits(t *testing.T) {
	b, err := os.ReadFile("../../docs/analyst.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, l := range ReaderLimits() {
		row := "| `" + l.Name + "` | " + l.Value + " | "
		i := strings.Index(doc, row)
		if i < 0 {
			if l.Min != "" {
				t.Errorf("docs/analyst.md has no row %q", row)
			}
			continue
		}
		rest := doc[i+len(row):]
		want := "固定"
		if l.Min != "" {
			want = l.Min + "–" + l.Max
		}
		if !strings.HasPrefix(rest, want+" |") {
			t.Errorf("docs/analyst.md: %s range %.20q, want %q", l.Name, rest, want)
		}
	}
}
