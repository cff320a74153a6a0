package read

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sentinel errors, reachable with errors.Is through *Error.Err.
var (
	// ErrLimit marks inputs refused by a size limit (rows, cell bytes,
	// cells, record length, zip size or ratio, nesting depth).
	ErrLimit = errors.New("limit exceeded")
	// ErrNoSheet marks a requested XLSX sheet that does not exist.
	ErrNoSheet = errors.New("no such sheet")
	// ErrFormat marks input that is not valid for its format.
	ErrFormat = errors.New("invalid format")
)

// Error is a positioned read error. Empty parts are omitted from the
// message: "read: file.xlsx:Sheet1:12:C: value \"…\": msg".
type Error struct {
	File    string
	Sheet   string
	Line    int    // 1-based source line or XLSX row (JSON arrays: element index + 1), 0 if unknown
	Col     int    // 1-based column; for CSV syntax errors the byte column in the line
	ColName string // letters for XLSX and CSV ("C"), the key for JSON
	Value   string // offending value, shortened in the message
	Msg     string
	Err     error // optional cause or sentinel (ErrLimit, ErrNoSheet, ErrFormat)
}

// maxValueRunes bounds how much of an offending value the message quotes.
const maxValueRunes = 40

// Error formats the position, the shortened value and the message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("read: ")
	var pos []string
	if e.File != "" {
		pos = append(pos, e.File)
	}
	if e.Sheet != "" {
		pos = append(pos, e.Sheet)
	}
	if e.Line > 0 {
		pos = append(pos, strconv.Itoa(e.Line))
	}
	switch {
	case e.ColName != "":
		pos = append(pos, e.ColName)
	case e.Col > 0:
		pos = append(pos, strconv.Itoa(e.Col))
	}
	if len(pos) > 0 {
		b.WriteString(strings.Join(pos, ":"))
		b.WriteString(": ")
	}
	if e.Value != "" {
		b.WriteString("value ")
		b.WriteString(strconv.Quote(shorten(e.Value)))
		b.WriteString(": ")
	}
	msg := e.Msg
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	b.WriteString(msg)
	return b.String()
}

// Unwrap returns the cause, so errors.Is(err, ErrLimit) works.
func (e *Error) Unwrap() error { return e.Err }

// shorten keeps long values readable in one error line.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxValueRunes {
		return s
	}
	r := []rune(s)
	return string(r[:maxValueRunes]) + "…"
}

// withFile fills the file (and sheet) of a positioned error that lacks
// them and wraps any other error, so every error leaving the package is
// an *Error.
func withFile(err error, file, sheet string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		if e.File == "" {
			e.File = file
		}
		if e.Sheet == "" {
			e.Sheet = sheet
		}
		return e
	}
	return &Error{File: file, Sheet: sheet, Msg: err.Error(), Err: err}
}

// limitErr builds an ErrLimit error.
func limitErr(line int, colName, msg string) *Error {
	return &Error{Line: line, ColName: colName, Msg: msg, Err: ErrLimit}
}
