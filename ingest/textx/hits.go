package textx

import "sort"

// wordHits records where the words of one list occur in a sentence, in
// order of position, so that "is 每年 in this clause?" is a binary search
// instead of a rescan per figure.
type wordHits struct {
	start, end, word []int // rune range and list index of each occurrence
}

// hitsOf returns (and caches) the occurrences of words in the sentence.
// The cache is keyed by the list's first element: the lists are
// package-level tables that never change.
func (sc *scan) hitsOf(words []string) *wordHits {
	if len(words) == 0 {
		return &wordHits{}
	}
	if h, ok := sc.hitCache[&words[0]]; ok {
		return h
	}
	h := &wordHits{}
	first := map[rune]bool{}
	for _, w := range words {
		for _, r := range w {
			first[r] = true
			break
		}
	}
	for i, r := range sc.rs {
		if !first[r] {
			continue
		}
		for k, w := range words {
			if sc.hasAt(i, w) {
				h.start, h.end, h.word = append(h.start, i), append(h.end, i+len([]rune(w))), append(h.word, k)
			}
		}
	}
	sc.hitCache[&words[0]] = h
	return h
}

// last returns the list index of the occurrence within runes [a, b) that
// starts last (the first-listed word among those starting there), and
// whether there is one.
func (h *wordHits) last(a, b int) (int, bool) {
	i := sort.SearchInts(h.start, b) - 1 // last occurrence starting before b
	for ; i >= 0 && h.start[i] >= a; i-- {
		if h.end[i] > b {
			continue
		}
		for i > 0 && h.start[i-1] == h.start[i] && h.end[i-1] <= b {
			i-- // the same start: prefer the word listed first (the longest)
		}
		return h.word[i], true
	}
	return 0, false
}
