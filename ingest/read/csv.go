package read

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
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
	t, err := readCSV(r, name, o.withDefaults())
	if err != nil {
		return nil, withFile(err, name, "")
	}
	return t, nil
}

// readCSV does the work of ReadCSV; errors get the file name added by the
// caller.
func readCSV(r io.Reader, name string, o Options) (*Table, error) {
	text, enc, err := decodeText(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(text, delimiterSniff)
	cr := csv.NewReader(newRecordGuard(br, recordLimit(o)))
	cr.Comma = sniffDelimiter(br)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = false
	g := &grid{colName: strconv.Itoa}
	if err := readRecords(cr, g, enc, o); err != nil {
		return nil, err
	}
	t := &Table{File: name, Format: FormatCSV, Encoding: enc}
	if err := buildTable(g, t, o); err != nil {
		return nil, err
	}
	return t, nil
}

// sniffDelimiter peeks at the first line with a tab or a comma.
func sniffDelimiter(br *bufio.Reader) rune {
	head, _ := br.Peek(delimiterSniff)
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

// readRecords fills g from the CSV reader, adding a blank row for every
// empty line that encoding/csv skips so blank lines are reported too.
func readRecords(cr *csv.Reader, g *grid, enc string, o Options) error {
	next, cells := 1, 0 // next expected line; cells kept so far
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if line > o.MaxRows {
			return limitErr(line, "", fmt.Sprintf("more than %d lines", o.MaxRows))
		}
		if err := checkFields(rec, line, enc, o); err != nil {
			return err
		}
		for ; next < line; next++ {
			g.rows = append(g.rows, srcRow{line: next})
		}
		rec = trimCells(rec)
		cells += len(rec)
		if cells > o.MaxCells {
			return limitErr(line, "", fmt.Sprintf("more than %d cells", o.MaxCells))
		}
		g.rows = append(g.rows, srcRow{line: line, cells: rec})
		next = lastLine(cr, rec, line) + 1
	}
}

// lastLine is the line on which a record ends: the last field's line plus
// the line breaks inside it.
func lastLine(cr *csv.Reader, rec []string, line int) int {
	if len(rec) == 0 {
		return line
	}
	l, _ := cr.FieldPos(len(rec) - 1)
	return l + strings.Count(rec[len(rec)-1], "\n")
}

// checkFields enforces MaxCellBytes and valid UTF-8.
func checkFields(rec []string, line int, enc string, o Options) error {
	for j, v := range rec {
		if len(v) > o.MaxCellBytes {
			return &Error{Line: line, Col: j + 1, ColName: strconv.Itoa(j + 1), Value: v,
				Msg: fmt.Sprintf("cell longer than %d bytes", o.MaxCellBytes), Err: ErrLimit}
		}
		if (enc == EncUTF8 || enc == EncUTF8BOM) && !utf8.ValidString(v) {
			return &Error{Line: line, Col: j + 1, ColName: strconv.Itoa(j + 1),
				Msg: "invalid UTF-8 (the start of the file was UTF-8; re-save the whole file in one encoding)", Err: ErrFormat}
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
