package vocab

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// placeWords are the Chinese spellings of every known place (official
// names, short forms, old names, the bare 高新区), by first rune, longest
// first, for PlaceNamesIn. Built once, only read afterwards.
var placeWords = buildPlaceWords()

func buildPlaceWords() map[rune][]string {
	seen := map[string]bool{}
	var words []string
	for _, r := range placeRows {
		for _, k := range placeKeys(r) {
			if k != "" && hasHan(k) && !seen[k] {
				seen[k] = true
				words = append(words, k)
			}
		}
	}
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	out := map[rune][]string{}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		out[r] = append(out[r], w)
	}
	return out
}

// schoolWords after a place name make it part of an institution's name:
// 济南 in 济南大学 is a university, not the city.
var schoolWords = []string{"大学", "学院", "职业", "师范", "理工", "高校", "院所"}

// PlaceNamesIn returns the place names written in a title, a file name or
// a sheet name, as written and in reading order, each once: "2023年淄川区科技
// 合作平台统计表" gives 淄川区, "张店区-平台.xlsx" 张店区, "2023年高新区…" 高新区.
// Only Chinese spellings are looked for (pinyin inside file names is too
// easily a word); the longest spelling at each position wins (淄博高新区, not
// 淄博), and names followed by 大学, 学院 and the like are skipped. Resolve
// the names with LookupPlaceAt; the province (山东省) comes back too.
func PlaceNamesIn(text string) []string {
	var out []string
	eachPlaceWord(text, func(w, rest string) {
		if !startsWithAny(rest, schoolWords) && !slices.Contains(out, w) {
			out = append(out, w)
		}
	})
	return out
}

// eachPlaceWord calls f with each Chinese place spelling in text, longest
// at each position, in reading order, and the text after it.
func eachPlaceWord(text string, f func(w, rest string)) {
	if tooLong(text, maxRunes) {
		return
	}
	s := CleanText(text)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		w := matchPlaceWord(s[i:], placeWords[r])
		if w == "" {
			i += size
			continue
		}
		i += len(w)
		f(w, s[i:])
	}
}

// matchPlaceWord returns the first (longest) of words that s starts with.
func matchPlaceWord(s string, words []string) string {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

func startsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
