package textx

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/vocab"
)

// placeMention is a place named in a sentence at runes [a, b), with its
// area code. home marks 我市/本市/全市, which mean the author's own place.
type placeMention struct {
	a, b int
	code string
	home bool
	word bool // 我市, 全省: a pronoun, handled as a subject word in metrics
}

// placeSpelling is one way a known place is written in running text.
type placeSpelling struct {
	word string
	code string
}

// homeWords name the author's own place; provinceWords name Shandong.
var (
	homeWords     = []string{"我市", "本市", "全市", "我区", "本区", "全区", "我县", "本县", "全县"}
	provinceWords = []string{"我省", "本省", "全省"}
)

// placeIndex holds the place spellings by their first rune, longest first,
// so that 淄博高新区 beats 淄博 and each rune costs one map look-up.
type placeIndex map[rune][]placeSpelling

// placeSpellings returns the spellings of the places normalize knows: the
// official name and, where normalize resolves it to the same place, the
// short form (淄川区 and 淄川).
func placeSpellings() placeIndex {
	var out []placeSpelling
	for _, p := range vocab.Places() {
		out = append(out, placeSpelling{p.Name, p.Code})
		if utf8.RuneCountInString(p.Name) < 3 {
			continue
		}
		_, n := utf8.DecodeLastRuneInString(p.Name)
		stem := p.Name[:len(p.Name)-n]
		if q, ok := vocab.LookupPlace(stem); ok && q.Code == p.Code {
			out = append(out, placeSpelling{stem, p.Code})
		}
	}
	slices.SortStableFunc(out, func(x, y placeSpelling) int { return len(y.word) - len(x.word) })
	ix := placeIndex{}
	for _, s := range out {
		r, _ := utf8.DecodeRuneInString(s.word)
		ix[r] = append(ix[r], s)
	}
	return ix
}

// findPlaces returns the places named in a sentence in reading order,
// skipping runes that belong to organisation names (济南 in 济南大学 is a
// university, not the city) and to the Jinan-side shorthand 驻济.
func findPlaces(sc *scan, spellings placeIndex, masked []bool, home, province string) []placeMention {
	var out []placeMention
	for i := 0; i < len(sc.rs); i++ {
		if masked[i] {
			continue
		}
		if m, ok := placeAt(sc, i, spellings, home, province); ok {
			if !m.home && !placeOfFigures(sc, m) {
				m.code = "" // still skipped over, but names no figure's place
			}
			out = append(out, m)
			i = m.b - 1
		}
	}
	return out
}

// placeOfFigures reports whether a named place can be the place figures
// are about. It cannot when it is where a partner comes from (驻济南高校,
// 济南高校博士), a partner itself (与济南高新区共建) or a destination
// (赴济南开展对接活动): the figures are still the author's.
func placeOfFigures(sc *scan, m placeMention) bool {
	if strings.ContainsRune("驻与同赴", sc.at(m.a-1)) {
		return false
	}
	_, origin := startingAt(sc, m.b, []string{"高校", "院所", "科研", "大学", "驻"})
	return !origin
}

// placeAt matches a place spelling or a home word at rune i.
func placeAt(sc *scan, i int, spellings placeIndex, home, province string) (placeMention, bool) {
	for _, w := range homeWords {
		if sc.hasAt(i, w) {
			return placeMention{a: i, b: i + 2, code: home, home: true, word: true}, home != ""
		}
	}
	for _, w := range provinceWords {
		if sc.hasAt(i, w) {
			return placeMention{a: i, b: i + 2, code: province, word: true}, true
		}
	}
	for _, s := range spellings[sc.rs[i]] {
		if sc.hasAt(i, s.word) {
			return placeMention{a: i, b: i + utf8.RuneCountInString(s.word), code: s.code}, true
		}
	}
	return placeMention{}, false
}

// resolveHome turns Options.HomePlace (a name such as "淄博" or a code such
// as "370300") into an area code; "" when it is neither.
func resolveHome(s string) string {
	if p, ok := vocab.LookupPlace(s); ok {
		return p.Code
	}
	return ""
}

// placeByCode returns the official name of the place with code.
func placeByCode(code string) (string, bool) {
	p, ok := vocab.LookupPlace(code)
	return p.Name, ok
}

// provinceCode is the code 我省 resolves to.
func provinceCode() string {
	if p, ok := vocab.LookupPlace("山东省"); ok {
		return p.Code
	}
	return ""
}
