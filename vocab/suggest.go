package vocab

import (
	"strings"
	"unicode/utf8"
)

// maxSuggestRunes bounds SuggestPlace input; edit distance is quadratic.
const maxSuggestRunes = 32

// SuggestPlace returns the official name of the known place closest to a
// misspelt one, by edit distance over runes ("淄州区" → "淄川区",
// "Zhangdain" → "张店区"), for "did you mean" hints in ingest reports. It
// returns "" when nothing is close, or when two different places are equally
// close: a wrong hint is worse than none. A name that resolves exactly
// returns its official name.
func SuggestPlace(s string) string {
	if tooLong(s, maxSuggestRunes) {
		return ""
	}
	if p, ok := LookupPlace(s); ok {
		return p.Name
	}
	key := placeKey(s)
	if _, ambiguous := placeIndex.byKey[key]; ambiguous || key == "" {
		return "" // "高新区" is no misspelling: it needs its city, not a hint
	}
	key = cutKnownPrefixes(key)
	in := []rune(key)
	best, name, tie := 1<<30, "", false
	for _, k := range placeIndex.keys {
		p, ok := pickPlace(k, "")
		if !ok {
			continue // ambiguous keys such as 高新区 make no hint
		}
		limit := min(closeEnough(utf8.RuneCountInString(k)), closeEnough(len(in)))
		d := editDistance(in, []rune(k))
		switch {
		case d > limit || d > best:
		case d < best:
			best, name, tie = d, p.Name, false
		case p.Name != name:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return name
}

// cutKnownPrefixes strips a province and a city from the front of a key, so
// that "淄博市淄州区" is matched as "淄州区".
func cutKnownPrefixes(k string) string {
	k, _ = cutPlacePrefix(k, provincePrefixes)
	for _, cp := range placeIndex.cityPrefixes {
		if rest, ok := strings.CutPrefix(k, cp.prefix); ok && rest != "" {
			return rest
		}
	}
	return k
}

// closeEnough is how many edits a name of n runes may need to count as a
// misspelling: one for short Chinese names, more for long pinyin.
func closeEnough(n int) int {
	switch {
	case n <= 4:
		return 1
	case n <= 9:
		return 2
	}
	return 3
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
