package vocab

import (
	"slices"
	"strings"
)

// Aliases maps organisation names as people write them ("山大", "山科大",
// "Shandong University") to one canonical name each. An Aliases is not
// changed after it is built, so it is safe for concurrent use.
type Aliases struct {
	byKey map[string]string // aliasKey(name) → canonical name
	canon map[string]bool   // canonical names
}

// DefaultAliases returns the built-in aliases for the universities,
// institutes and government bodies of the corridor (山大 → 山东大学,
// 山科大 → 山东科技大学, 中科院 → 中国科学院, 产研院 → 山东产业技术研究院 …).
// Canonical names map to themselves. Each call returns a fresh value.
func DefaultAliases() *Aliases {
	a := &Aliases{byKey: map[string]string{}, canon: map[string]bool{}}
	for _, org := range defaultAliases {
		c := displayName(org.names[0])
		a.canon[c] = true
		for _, n := range org.names {
			a.byKey[aliasKey(n)] = c
		}
	}
	return a
}

// Canonical returns the canonical name for name and whether name was known
// (a canonical name or an alias). Unknown names come back cleaned: trimmed,
// spaces collapsed, and brackets normalised — full-width （） in names with
// Chinese characters, half-width () otherwise — so that "山东大学 (威海)"
// and "山东大学（威海）" still compare equal. Matching ignores case, spaces and
// the bracket width.
func (a *Aliases) Canonical(name string) (string, bool) {
	if a != nil {
		if c, ok := a.byKey[aliasKey(name)]; ok {
			return c, true
		}
	}
	return displayName(name), false
}

// Known returns the canonical names, sorted.
func (a *Aliases) Known() []string {
	if a == nil {
		return nil
	}
	out := make([]string, 0, len(a.canon))
	for c := range a.canon {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// clone copies a so that LoadAliases never changes its base.
func (a *Aliases) clone() *Aliases {
	b := &Aliases{byKey: map[string]string{}, canon: map[string]bool{}}
	if a == nil {
		return b
	}
	for k, v := range a.byKey {
		b.byKey[k] = v
	}
	for k := range a.canon {
		b.canon[k] = true
	}
	return b
}

// aliasKey folds a name for matching: cleaned, brackets half-width, no
// spaces, lower case.
func aliasKey(name string) string {
	k := strings.NewReplacer("（", "(", "）", ")", " ", "").Replace(CleanText(name))
	return strings.ToLower(k)
}

// displayName cleans a name for showing: see Canonical.
func displayName(name string) string {
	s := strings.NewReplacer("（", "(", "）", ")").Replace(CleanText(name))
	if !hasHan(s) {
		return s
	}
	s = strings.NewReplacer(" (", "(", "( ", "(", " )", ")").Replace(s)
	return strings.NewReplacer("(", "（", ")", "）").Replace(s)
}
