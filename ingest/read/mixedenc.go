package read

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// lineHead is how much of each line gbLines keeps for an error message.
const lineHead = 512

// gbLines passes the bytes of a file read as GB18030 through unchanged,
// and stops at the first line that is not GB18030: one that is valid UTF-8
// with Chinese in it (a row pasted from a UTF-8 file, which the decoder
// would turn into mojibake without a complaint), or bytes no encoding
// reads (which it would turn into U+FFFD). Line breaks never occur inside
// a GB18030 or UTF-8 character, so lines are found on the raw bytes and
// numbered as the CSV reader numbers them. The error comes before the bad
// line's newline, so its row is never read; it is sticky, as bufio's Peek
// swallows an error once.
type gbLines struct {
	r      io.Reader
	err    error
	delim  byte
	line   int // 1-based
	gbLine int // first line seen to be GB18030, 0 if none yet
	st     lineState
}

// lineState is what is known about the current line so far.
type lineState struct {
	off     int    // bytes of the line seen
	high    int    // offset of the first non-ASCII byte, -1 if none
	badGB   int    // offset of the first byte GB18030 cannot read, -1 if none
	gb      int    // GB18030 state: 0 between characters, 1–3 bytes into one
	utf8Rem int    // UTF-8 continuation bytes still expected
	utf8Bad bool   // not valid UTF-8
	wide    bool   // holds a UTF-8 sequence of three bytes or more (CJK)
	head    []byte // the line's first lineHead bytes
}

func newGBLines(r io.Reader, head []byte, delim byte) *gbLines {
	g := &gbLines{r: r, delim: delim, line: 1, gbLine: firstGBLine(head)}
	g.st.reset()
	return g
}

func (s *lineState) reset() {
	*s = lineState{high: -1, badGB: -1, head: s.head[:0]}
}

// Read passes bytes through until a line turns out not to be GB18030.
func (g *gbLines) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] == '\n' {
			if g.err = g.endLine(); g.err != nil {
				return i, nil
			}
			continue
		}
		g.st.add(p[i])
	}
	if err == io.EOF && g.st.off > 0 {
		if g.err = g.endLine(); g.err != nil {
			return n, g.err
		}
	}
	return n, err
}

// add takes one byte of the line.
func (s *lineState) add(b byte) {
	if len(s.head) < lineHead {
		s.head = append(s.head, b)
	}
	if b < 0x80 && s.gb == 0 && s.utf8Rem == 0 { // ASCII between characters: nothing to track
		s.off++
		return
	}
	if b >= 0x80 && s.high < 0 {
		s.high = s.off
	}
	if !s.gbByte(b) && s.badGB < 0 {
		s.badGB = s.off
	}
	s.utf8Byte(b)
	s.off++
}

// gbByte advances the GB18030 state: one byte (ASCII, or 0x80 for €), two
// bytes (lead 81–FE, trail 40–7E or 80–FE) or four (81–FE, 30–39, 81–FE,
// 30–39). It reports whether b may stand where it does.
func (s *lineState) gbByte(b byte) bool {
	ok := true
	switch s.gb {
	case 0:
		switch {
		case b >= 0x81 && b <= 0xFE:
			s.gb = 1
		case b == 0xFF:
			ok = false
		}
	case 1:
		switch {
		case b >= 0x30 && b <= 0x39:
			s.gb = 2
		case b >= 0x40 && b <= 0xFE && b != 0x7F:
			s.gb = 0
		default:
			s.gb, ok = 0, false
		}
	case 2:
		s.gb, ok = 3, b >= 0x81 && b <= 0xFE
	case 3:
		s.gb, ok = 0, b >= 0x30 && b <= 0x39
	}
	return ok
}

// utf8Byte advances the UTF-8 check.
func (s *lineState) utf8Byte(b byte) {
	switch {
	case s.utf8Rem > 0:
		if b&0xC0 != 0x80 {
			s.utf8Bad = true
		}
		s.utf8Rem--
	case b < 0x80:
	case b >= 0xC2 && b <= 0xDF:
		s.utf8Rem = 1
	case b >= 0xE0 && b <= 0xEF:
		s.utf8Rem, s.wide = 2, true
	case b >= 0xF0 && b <= 0xF4:
		s.utf8Rem, s.wide = 3, true
	default:
		s.utf8Bad = true
	}
}

// endLine judges the line just ended and starts the next.
func (g *gbLines) endLine() error {
	s := &g.st
	var err error
	isUTF8 := s.high >= 0 && s.wide && !s.utf8Bad && s.utf8Rem == 0
	switch {
	case isUTF8:
		err = g.mixedErr(s.high, fmt.Sprintf("this line is UTF-8 while %s GB18030 (GBK): the file mixes two encodings, and this line would be stored garbled; "+
			"save the whole file as UTF-8 (Excel: 另存为「CSV UTF-8」; WPS: 编码选 UTF-8) and load it again (文件混用了两种编码，请将整个文件另存为 UTF-8 后重新导入)", g.gbLineText()), true)
	case s.badGB >= 0 || s.gb != 0:
		at := s.badGB
		if at < 0 {
			at = s.off - 1
		}
		err = g.mixedErr(at, "holds bytes that are neither GB18030 (GBK) nor UTF-8 text: the file is damaged or mixes encodings; "+
			"save the file as UTF-8 and load it again (文件含无法识别的编码，请另存为 UTF-8 后重新导入)", false)
	case s.high >= 0 && g.gbLine == 0:
		g.gbLine = g.line
	}
	g.line++
	s.reset()
	return err
}

func (g *gbLines) gbLineText() string {
	if g.gbLine > 0 && g.gbLine != g.line {
		return "line " + strconv.Itoa(g.gbLine) + " is"
	}
	return "the rest of the file is"
}

// mixedErr is the positioned error for the current line, with the column
// and cell text around byte offset at when it lies in the line's head.
func (g *gbLines) mixedErr(at int, msg string, utf8Text bool) *Error {
	e := &Error{Line: g.line, Msg: msg, Err: ErrFormat}
	head := g.st.head
	if at >= len(head) {
		return e
	}
	col, start := 1, 0
	quoted := false
	for i, b := range head[:at] {
		switch {
		case b == '"':
			quoted = !quoted
		case b == g.delim && !quoted:
			col, start = col+1, i+1
		}
	}
	end := bytes.IndexByte(head[at:], g.delim)
	if end < 0 {
		end = len(head)
	} else {
		end += at
	}
	cell := bytes.TrimRight(head[start:end], "\r")
	e.Col, e.ColName = col, columnName(col)
	if utf8Text {
		for !utf8.Valid(cell) && len(cell) > 0 { // cut off at lineHead inside a character
			cell = cell[:len(cell)-1]
		}
		e.Value = string(cell)
	} else {
		v, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(cell)
		e.Value = string(v)
	}
	return e
}

// firstGBLine is the first line of head that has non-ASCII bytes and is
// not UTF-8 (why the file was read as GB18030), or 0.
func firstGBLine(head []byte) int {
	n := 1
	for line := range bytes.SplitSeq(head, []byte{'\n'}) {
		if bytes.IndexFunc(line, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 && !utf8.Valid(line) {
			return n
		}
		n++
	}
	return 0
}
