package textx

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of the input with its 1-based index and byte
// offsets: Text == input[Start:End].
type Sentence struct {
	// Index counts sentences from 1 in reading order.
	Index int
	// Text is the sentence as written, trimmed of surrounding spaces.
	Text string
	// Start and End are byte offsets of Text in the input.
	Start, End int
	// Heading is the nearest numbered heading above the sentence, e.g.
	// "2. 共建研发平台，共享科技创新资源": the first sentence of the nearest
	// numbered list item, without its closing punctuation. A heading
	// sentence is its own heading. "" before the first numbered item.
	Heading string
}

// maxSentenceRunes caps a sentence. Real sentences are far shorter; the cap
// keeps the work per sentence bounded on hostile input such as a megabyte
// without punctuation, which is hard-split.
const maxSentenceRunes = 2000

// maxHeadingRunes caps Heading: a list item whose first sentence is a long
// paragraph still gets a readable label.
const maxHeadingRunes = 60

// terminators end a sentence and belong to it.
func isTerminator(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';':
		return true
	}
	return false
}

// isCloser is a closing quote or bracket that stays with the sentence it
// closes: in "他说：“好。”然后" the ” belongs to the first sentence.
func isCloser(r rune) bool {
	return strings.ContainsRune("”’」』）)》】", r)
}

// Sentences splits text into sentences on 。！？；, line breaks and numbered
// list items ("1.", "2、", "一、", "（一）", "(1)", "①") that follow a colon
// or start a line. A dot between digits ("1.5亿", "2021.3.2") never splits:
// only the Chinese full stop ends a sentence. Sentences longer than 2000
// runes are cut hard so that every later step stays cheap.
func Sentences(text string) []Sentence {
	var out []Sentence
	heading := ""
	emit := func(start, end int) {
		s, e := trimSpan(text, start, end)
		if !hasContent(text[s:e]) {
			return
		}
		sent := Sentence{Index: len(out) + 1, Text: text[s:e], Start: s, End: e}
		if markerLen(sent.Text) > 0 {
			heading = headingOf(sent.Text)
		}
		sent.Heading = heading
		out = append(out, sent)
	}
	start, runes := 0, 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		next := i + n
		runes++
		switch {
		case (r == '\n' || r == '\r') && !wrapsFigure(text, i, next):
			emit(start, i)
			start, runes = next, 0
		case isTerminator(r):
			for next < len(text) {
				c, m := utf8.DecodeRuneInString(text[next:])
				if !isCloser(c) && !isTerminator(c) {
					break
				}
				next += m
			}
			emit(start, next)
			start, runes = next, 0
		case (r == '：' || r == ':') && markerLen(strings.TrimLeft(text[next:], " \t\u3000")) > 0:
			emit(start, next)
			start, runes = next, 0
		case runes >= maxSentenceRunes:
			emit(start, next)
			start, runes = next, 0
		}
		i = next
	}
	emit(start, len(text))
	return out
}

// wrapsFigure reports whether the line break at text[i:next] cuts a figure
// in two, as text copied from PDFs does ("823.57\n亿元"): a digit before it
// and a multiplier, unit or percent sign right after it.
func wrapsFigure(text string, i, next int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if !isASCIIDigit(foldRune(prev)) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[next:], " \t\r\n\u3000"))
	return strings.ContainsRune("万亿元%％个项家人名次件所场", r)
}

// trimSpan narrows text[start:end] to exclude leading and trailing spaces
// (including the ideographic space U+3000 and the BOM).
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' }

// hasContent reports whether s holds a letter or digit: a lone "。" or a
// line of dashes is not a sentence.
func hasContent(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// headingOf turns the first sentence of a list item into a heading label:
// closing punctuation dropped, spaces collapsed, length capped.
func headingOf(s string) string {
	s = strings.TrimRightFunc(s, func(r rune) bool { return isTerminator(r) || isSpace(r) })
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > maxHeadingRunes {
		rs := []rune(s)
		s = string(rs[:maxHeadingRunes])
	}
	return s
}
