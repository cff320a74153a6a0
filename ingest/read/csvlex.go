package read

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
)

// csvLexer splits RFC 4180 text into records. It reads what encoding/csv
// reads, field for field, with the same *csv.ParseError positions (a
// differential fuzz test holds it to that), but a record whose line has no
// quote costs one string and a scan for delimiters: bulk exports are read
// several times faster. It also bounds a record's size itself, so no line
// is buffered past the limit.
type csvLexer struct {
	br     *bufio.Reader
	comma  byte
	limit  int      // most bytes in one record
	line   int      // physical lines read so far
	long   []byte   // a line longer than the reader's buffer
	rec    []byte   // a quoted record's unescaped text
	ends   []int    // field ends in rec
	fields []string // the current record, reused
}

func newCSVLexer(br *bufio.Reader, comma byte, limit int) *csvLexer {
	return &csvLexer{br: br, comma: comma, limit: limit}
}

// readLine returns the next physical line with "\r\n" folded to "\n" and a
// final "\r" before the end of input dropped, as encoding/csv does, or
// io.EOF after the last. The slice is valid until the next call.
func (l *csvLexer) readLine(start int) ([]byte, error) {
	b, err := l.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		l.long = append(l.long[:0], b...)
		for err == bufio.ErrBufferFull {
			if len(l.long) > l.limit {
				return nil, limitErr(start, "", fmt.Sprintf("record longer than %d bytes", l.limit))
			}
			b, err = l.br.ReadSlice('\n')
			l.long = append(l.long, b...)
		}
		b = l.long
	}
	switch {
	case len(b) > 0 && err == io.EOF: // the last line has no line break
		err = nil
		if b[len(b)-1] == '\r' {
			b = b[:len(b)-1]
		}
	case err != nil:
		return nil, err
	}
	l.line++
	if n := len(b); n >= 2 && b[n-2] == '\r' && b[n-1] == '\n' {
		b[n-2] = '\n'
		b = b[:n-1]
	}
	return b, err
}

// nlLen is 1 when b ends with a newline.
func nlLen(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}

// read returns the next record's fields (valid until the next call), the
// line it starts on and the line it ends on; io.EOF after the last.
// Empty lines are skipped, as encoding/csv skips them.
func (l *csvLexer) read() (fields []string, start, end int, err error) {
	var b []byte
	for {
		if b, err = l.readLine(l.line + 1); err != nil {
			return nil, 0, 0, err
		}
		if len(b) > nlLen(b) {
			break
		}
	}
	start = l.line
	if len(b) > l.limit {
		return nil, 0, 0, limitErr(start, "", fmt.Sprintf("record longer than %d bytes", l.limit))
	}
	if bytes.IndexByte(b, '"') < 0 { // the common case: split the line as it is
		s := string(b[:len(b)-nlLen(b)])
		l.fields = l.fields[:0]
		for {
			i := indexByteString(s, l.comma)
			if i < 0 {
				l.fields = append(l.fields, s)
				break
			}
			l.fields = append(l.fields, s[:i])
			s = s[i+1:]
		}
		return l.fields, start, l.line, nil
	}
	fields, err = l.quoted(b, start)
	return fields, start, l.line, err
}

func indexByteString(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// quoted parses a record that has a quote somewhere: quoted fields may
// hold delimiters, doubled quotes and line breaks.
func (l *csvLexer) quoted(b []byte, start int) ([]string, error) {
	l.rec, l.ends = l.rec[:0], l.ends[:0]
	col := 1 // 1-based byte column in the current line
	for {
		if len(b) == 0 || b[0] != '"' { // unquoted field
			i := bytes.IndexByte(b, l.comma)
			f := b
			if i >= 0 {
				f = f[:i]
			} else {
				f = f[:len(f)-nlLen(f)]
			}
			if j := bytes.IndexByte(f, '"'); j >= 0 {
				return nil, &csv.ParseError{StartLine: start, Line: l.line, Column: col + j, Err: csv.ErrBareQuote}
			}
			l.rec = append(l.rec, f...)
			l.ends = append(l.ends, len(l.rec))
			if i < 0 {
				return l.split(), nil
			}
			b = b[i+1:]
			col += i + 1
			continue
		}
		b, col = b[1:], col+1 // quoted field
		posLine := l.line     // last line that added text to the field
		for {
			i := bytes.IndexByte(b, '"')
			switch {
			case i >= 0:
				l.rec = append(l.rec, b[:i]...)
				b, col = b[i+1:], col+i+1
				switch {
				case len(b) > 0 && b[0] == '"': // doubled quote
					l.rec = append(l.rec, '"')
					b, col = b[1:], col+1
					continue
				case len(b) > 0 && b[0] == l.comma: // end of field
					b, col = b[1:], col+1
					l.ends = append(l.ends, len(l.rec))
				case len(b) == nlLen(b): // end of record
					l.ends = append(l.ends, len(l.rec))
					return l.split(), nil
				default:
					return nil, &csv.ParseError{StartLine: start, Line: l.line, Column: col - 1, Err: csv.ErrQuote}
				}
			case len(b) > 0: // the field goes on past the line break
				l.rec = append(l.rec, b...)
				if len(l.rec) > l.limit {
					return nil, limitErr(start, "", fmt.Sprintf("record longer than %d bytes", l.limit))
				}
				col += len(b)
				var err error
				switch b, err = l.readLine(start); {
				case err == io.EOF:
					b = nil
				case err != nil:
					return nil, err
				case len(b) > 0:
					col, posLine = 1, posLine+1
				}
				continue
			default: // input ended inside the quotes
				return nil, &csv.ParseError{StartLine: start, Line: posLine, Column: col, Err: csv.ErrQuote}
			}
			break
		}
	}
}

// split cuts the unescaped record into fields sharing one string.
func (l *csvLexer) split() []string {
	s := string(l.rec)
	l.fields = l.fields[:0]
	prev := 0
	for _, e := range l.ends {
		l.fields = append(l.fields, s[prev:e])
		prev = e
	}
	return l.fields
}
