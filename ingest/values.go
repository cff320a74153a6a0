package ingest

import (
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

// splitOrgs splits a list of organisations on Chinese and Latin separators
// and maps each to its canonical name, keeping order and dropping repeats.
func splitOrgs(s string, al *vocab.Aliases) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、，,;；/|\n", r) })
	out := make([]string, 0, len(f))
	seen := map[string]bool{}
	for _, p := range f {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		name, _ := al.Canonical(p)
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}
