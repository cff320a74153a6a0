package textx

import (
	"strings"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/vocab"
)

// org is an organisation named in a sentence at runes [a, b).
type org struct {
	a, b int
	name string // canonical
}

// orgEnds are the runes an organisation's name or short name ends in:
// 山东大学, 山大, 产研院, 中科院, 济南科创城, 淄博市政府, 山东理工. The
// canonical names' last runes are added from the alias table itself.
const orgEnds = "大工师经科院城府局厅学"

// maxOrgRunes bounds the names tried; the longest alias is shorter.
const maxOrgRunes = 16

// maxOrgLookups caps alias look-ups per sentence, so that hostile input
// (a megabyte of 大) costs a bounded amount of work.
const maxOrgLookups = 2000

// orgStarts are the runes short names start with beyond those of the
// canonical names: 产研院, 省科学院, 省科技厅.
const orgStarts = "产省"

// orgMatcher finds the organisations an Aliases knows in running text.
type orgMatcher struct {
	aliases      *vocab.Aliases
	ends, starts string
}

// newOrgMatcher learns from the alias table which runes its names start
// and end with, so that only substrings shaped like a name are looked up.
func newOrgMatcher(a *vocab.Aliases) orgMatcher {
	m := orgMatcher{aliases: a, ends: orgEnds, starts: orgStarts}
	for _, name := range a.Known() {
		if r, _ := utf8.DecodeLastRuneInString(name); !strings.ContainsRune(m.ends, r) {
			m.ends += string(r)
		}
		if r, _ := utf8.DecodeRuneInString(name); !strings.ContainsRune(m.starts, r) {
			m.starts += string(r)
		}
	}
	return m
}

// find returns the organisations of a sentence, longest match first at each
// end, with names inside a longer name dropped: 山东大学淄博生物医药研究院
// is not also a mention of 山东大学 when the alias table knows the
// institute. A two-rune short name needs a non-Han rune or a joining word
// before it, so that 经济大省 does not read as 济大 (济南大学).
func (m orgMatcher) find(sc *scan) []org {
	var out []org
	lookups := 0
	for e := len(sc.rs); e > 0 && lookups < maxOrgLookups; e-- {
		if !strings.ContainsRune(m.ends, sc.rs[e-1]) {
			continue
		}
		for a := max(0, e-maxOrgRunes); a < e-1; a++ {
			if !strings.ContainsRune(m.starts, sc.rs[a]) {
				continue
			}
			lookups++
			name, ok := m.aliases.Canonical(sc.slice(a, e))
			if !ok || (e-a == 2 && !shortNameFits(sc, a)) {
				continue
			}
			out = append(out, org{a: a, b: e, name: name})
			e = a + 1 // continue left of this name
			break
		}
	}
	reverse(out)
	return out
}

// shortNameFits reports whether a two-rune name at rune a stands on its own.
func shortNameFits(sc *scan, a int) bool {
	p := sc.at(a - 1)
	return !isHan(p) || strings.ContainsRune("与和及同跟、向在的赴对", p)
}

func reverse(os []org) {
	for i, j := 0, len(os)-1; i < j; i, j = i+1, j-1 {
		os[i], os[j] = os[j], os[i]
	}
}

// maskOf marks the runes covered by the organisations.
func maskOf(n int, orgs []org) []bool {
	m := make([]bool, n)
	for _, o := range orgs {
		for k := o.a; k < o.b; k++ {
			m[k] = true
		}
	}
	return m
}

// partnersIn returns the canonical names of the organisations within runes
// [a, b), in order, without repeats.
func partnersIn(orgs []org, a, b int) []string {
	var out []string
	for _, o := range orgs {
		if o.a >= a && o.b <= b && !contains(out, o.name) {
			out = append(out, o.name)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}
