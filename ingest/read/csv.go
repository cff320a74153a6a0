package read

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// delimiterSniff is how much decoded text is inspected for the delimiter.
const delimiterSniff = 64 << 10

// ReadCSV reads comma- or tab-separated text. The encoding is detected
// (BOM, valid UTF-8, else GB18030) and recorded in Table.Encoding. The
// delimiter is a tab when the first line that has a tab or a comma has
// tabs and no commas, and a comma otherwise. Quotes follow RFC 4180
// strictly: a stray quote is an *Error with line and byte column. Row
// lines are source lines even when quoted fields span several lines.
func ReadCSV(r io.Reader, name string, o Options) (*Table, error) {
	o = o.withDefaults()
	s, rs, err := streamCSV(r, name, o)
	if err != nil {
		return nil, withFile(err, name, "")
	}
	t, err := collect(s, rs, o)
	if err != nil {
		return nil, withFile(err, name, "")
	}
	return t, nil
}

// StreamCSV is ReadCSV as a stream: the same header detection, rows and
// skipped rows, read a chunk at a time so memory does not grow with the
// file. Errors from Next carry the file name.
//
// Unlike ReadCSV, a stream has no default row or cell limit (MaxRows,
// MaxCells): it holds one chunk, not the table, so a long export costs
// time, not memory. Limits set in o still apply, and so does MaxCellBytes.
func StreamCSV(r io.Reader, name string, o Options) (*Stream, error) {
	if o.MaxRows <= 0 {
		o.MaxRows = math.MaxInt
	}
	if o.MaxCells <= 0 {
		o.MaxCells = math.MaxInt
	}
	s, _, err := streamCSV(r, name, o.withDefaults())
	if err != nil {
		return nil, withFile(err, name, "")
	}
	next := s.next
	s.next = func() ([]Row, error) {
		rows, err := next()
		if err != nil && err != io.EOF {
			return nil, withFile(err, name, "")
		}
		return rows, err
	}
	return s, nil
}

// streamCSV opens the stream; errors get the file name added by the caller.
func streamCSV(r io.Reader, name string, o Options) (*Stream, *rowStream, error) {
	text, enc, err := decodeText(r)
	if err != nil {
		return nil, nil, err
	}
	br := bufio.NewReaderSize(text, delimiterSniff)
	lx := newCSVLexer(br, sniffDelimiter(br), recordLimit(o))
	s := &Stream{File: name, Format: FormatCSV, Encoding: enc}
	s.next = func() ([]Row, error) { return nil, io.EOF }
	rs, err := openRowStream(csvRows(lx, enc, o), s, o, columnName)
	if err != nil {
		return nil, nil, err
	}
	return s, rs, nil
}

// sniffDelimiter peeks at the first line with a tab or a comma.
func sniffDelimiter(br *bufio.Reader) byte {
	head, _ := br.Peek(delimiterSniff)
	return delimiterOf(head)
}

// delimiterOf is the delimiter of the first line of head with a tab or a
// comma: a tab when it has tabs and no commas. Both are ASCII, so it reads
// raw GB18030 as well as UTF-8.
func delimiterOf(head []byte) byte {
	for line := range bytes.SplitSeq(head, []byte{'\n'}) {
		tabs, commas := bytes.Contains(line, []byte{'\t'}), bytes.Contains(line, []byte{','})
		if tabs && !commas {
			return '\t'
		}
		if tabs || commas {
			return ','
		}
	}
	return ','
}

// csvRows yields the CSV's records as source rows, with a blank row for
// every empty line that the lexer skips so blank lines are reported too.
func csvRows(lx *csvLexer, enc string, o Options) rowSource {
	next, cells := 1, 0 // next expected line; cells read so far
	var rec []string    // current record, waiting behind blank lines
	var line, end int
	var have bool // rec holds a record not yet returned
	return func() (srcRow, error) {
		if !have {
			r, start, last, err := lx.read()
			if err == io.EOF {
				return srcRow{}, io.EOF
			}
			if err != nil {
				return srcRow{}, csvError(err)
			}
			line, end = start, last
			if line > o.MaxRows {
				return srcRow{}, limitErr(line, "", fmt.Sprintf("more than %d lines", o.MaxRows))
			}
			if err := checkFields(r, line, enc, o); err != nil {
				return srcRow{}, err
			}
			r = trimCells(r)
			cells += len(r)
			if cells > o.MaxCells {
				return srcRow{}, limitErr(line, "", fmt.Sprintf("more than %d cells", o.MaxCells))
			}
			rec, have = r, true // valid until the next read: the stream copies what it keeps
		}
		if next < line {
			next++
			return srcRow{line: next - 1}, nil
		}
		out := srcRow{line: line, cells: rec}
		next = end + 1
		have = false
		return out, nil
	}
}

// checkFields enforces MaxCellBytes and valid UTF-8.
func checkFields(rec []string, line int, enc string, o Options) error {
	for j, v := range rec {
		if len(v) > o.MaxCellBytes {
			return &Error{Line: line, Col: j + 1, ColName: columnName(j + 1), Value: v,
				Msg: fmt.Sprintf("cell longer than %d bytes", o.MaxCellBytes), Err: ErrLimit}
		}
		if (enc == EncUTF8 || enc == EncUTF8BOM) && !utf8.ValidString(v) {
			gb, _ := simplifiedchinese.GB18030.NewDecoder().String(v) // most likely what the clerk sees
			return &Error{Line: line, Col: j + 1, ColName: columnName(j + 1), Value: gb,
				Msg: "is not UTF-8 like the start of the file (probably GB18030/GBK): the file mixes two encodings; " +
					"save the whole file as UTF-8 and load it again (文件混用了两种编码，请将整个文件另存为 UTF-8 后重新导入)", Err: ErrFormat}
		}
	}
	return nil
}

// csvError turns encoding/csv and guard errors into *Error.
func csvError(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrBareQuote) || errors.Is(pe.Err, csv.ErrQuote) {
			msg += fmt.Sprintf(" (byte %d of the line; quote the whole field and double inner quotes)", pe.Column)
		}
		return &Error{Line: pe.Line, Col: pe.Column, Msg: msg, Err: ErrFormat}
	}
	return &Error{Msg: err.Error(), Err: err}
}
