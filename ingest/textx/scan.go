package textx

import "unicode/utf8"

// scan is one sentence prepared for rune-wise scanning. Figures are found
// on the folded runes (full-width digits and signs made ASCII) while spans
// and evidence are cut from the text as written, through off.
type scan struct {
	text   string
	rs     []rune // folded runes of text
	off    []int  // byte offset of rune i in text; off[len(rs)] == len(text)
	quoted []bool // rune i stands inside a short quotation: “一个链条、三个支撑”
	titled []bool // rune i stands inside a title: 《关于…的指导意见》
	paren  []bool // rune i stands inside an aside: （2012年时仅15家）
	// cstart[p] and cend[p] are the bounds of the clause holding rune p,
	// computed once so that each figure's context costs O(1), not O(n).
	cstart, cend []int
	hitCache     map[*string]*wordHits // word list → where its words occur
}

// maxSloganRunes bounds what counts as a quoted slogan or name; a longer
// quotation is reported speech whose figures are real.
const maxSloganRunes = 40

// maxAsideRunes bounds a parenthesised aside; a longer bracket is text.
const maxAsideRunes = 80

func newScan(text string) *scan {
	sc := &scan{text: text}
	for i, r := range text {
		sc.rs = append(sc.rs, foldRune(r))
		sc.off = append(sc.off, i)
	}
	sc.off = append(sc.off, len(text))
	sc.quoted = regions(sc.rs, "“‘「『\"", "”’」』\"", maxSloganRunes)
	sc.titled = regions(sc.rs, "《〈", "》〉", len(sc.rs))
	sc.paren = regions(sc.rs, "（(", "）)", maxAsideRunes)
	sc.clauses()
	sc.hitCache = map[*string]*wordHits{}
	return sc
}

// clauses fills cstart and cend (len(rs)+1 entries each).
func (sc *scan) clauses() {
	n := len(sc.rs)
	sc.cstart, sc.cend = make([]int, n+1), make([]int, n+1)
	for p := 1; p <= n; p++ {
		sc.cstart[p] = sc.cstart[p-1]
		if containsRune(clauseMarks, sc.rs[p-1]) {
			sc.cstart[p] = p
		}
	}
	sc.cend[n] = n
	for p := n - 1; p >= 0; p-- {
		sc.cend[p] = sc.cend[p+1]
		if containsRune(clauseMarks, sc.rs[p]) {
			sc.cend[p] = p
		}
	}
}

// regions marks the runes between matching open and close marks, nesting
// ignored. A region longer than limit runes, or never closed, is not marked:
// an unbalanced quote must not silence the rest of a sentence.
func regions(rs []rune, open, close string, limit int) []bool {
	in := make([]bool, len(rs))
	start := -1
	for i, r := range rs {
		isOpen, isClose := containsRune(open, r), containsRune(close, r)
		switch {
		case start < 0 && isOpen:
			start = i
		case start >= 0 && isClose:
			if i-start-1 <= limit {
				for k := start + 1; k < i; k++ {
					in[k] = true
				}
			}
			start = -1
		}
	}
	return in
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// slice returns the text as written for runes [a, b).
func (sc *scan) slice(a, b int) string { return sc.text[sc.off[a]:sc.off[b]] }

// folded returns the folded runes [a, b) as a string.
func (sc *scan) folded(a, b int) string { return string(sc.rs[a:b]) }

// at returns rune i, or 0 outside the sentence, so look-arounds need no
// bounds checks.
func (sc *scan) at(i int) rune {
	if i < 0 || i >= len(sc.rs) {
		return 0
	}
	return sc.rs[i]
}

// hasAt reports whether the folded runes starting at i spell w.
func (sc *scan) hasAt(i int, w string) bool {
	for _, r := range w {
		if sc.at(i) != r || i < 0 {
			return false
		}
		i++
	}
	return true
}

// endsAt reports whether the folded runes ending just before i spell w.
func (sc *scan) endsAt(i int, w string) bool {
	return sc.hasAt(i-utf8.RuneCountInString(w), w)
}
