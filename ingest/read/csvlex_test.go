package read

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

// lexAll reads every record with the lexer: fields, start and end lines.
func lexAll(data []byte, comma byte) (recs [][]string, lines [][2]int, err error) {
	l := newCSVLexer(bufio.NewReaderSize(bytes.NewReader(data), 16), comma, 1<<20)
	for {
		f, start, end, err := l.read()
		if err == io.EOF {
			return recs, lines, nil
		}
		if err != nil {
			return recs, lines, err
		}
		recs = append(recs, append([]string(nil), f...))
		lines = append(lines, [2]int{start, end})
	}
}

// stdAll reads every record with encoding/csv as the readers are set up.
func stdAll(data []byte, comma byte) (recs [][]string, lines [][2]int, err error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = rune(comma)
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return recs, lines, nil
		}
		if err != nil {
			return recs, lines, err
		}
		start, _ := cr.FieldPos(0)
		last, _ := cr.FieldPos(len(rec) - 1)
		recs = append(recs, rec)
		lines = append(lines, [2]int{start, last + strings.Count(rec[len(rec)-1], "\n")})
	}
}

// sameAsStd holds the lexer to encoding/csv: the same records and lines,
// or the same error at the same place.
func sameAsStd(t *testing.T, data []byte, comma byte) {
	t.Helper()
	got, gl, gerr := lexAll(data, comma)
	want, wl, werr := stdAll(data, comma)
	if (gerr != nil) != (werr != nil) {
		t.Fatalf("%q: lexer error %v, encoding/csv error %v", data, gerr, werr)
	}
	if werr != nil {
		var ge, we *csv.ParseError
		if !errors.As(gerr, &ge) || !errors.As(werr, &we) || *ge != *we {
			t.Fatalf("%q: lexer error %#v, encoding/csv error %#v", data, gerr, werr)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: lexer records %q, encoding/csv %q", data, got, want)
	}
	// encoding/csv has no record end; a field's line plus its line breaks
	// is the end unless trailing fields are empty, so compare starts only
	// there and ends where the last field is not empty.
	for i := range gl {
		if gl[i][0] != wl[i][0] || want[i][len(want[i])-1] != "" && gl[i][1] != wl[i][1] {
			t.Fatalf("%q: record %d lines %v, encoding/csv %v", data, i, gl[i], wl[i])
		}
	}
}

var lexCases = []string{
	"a,b\n1,2\n",
	"a,b\r\n1,2\r\n",
	"a,b\n\n\n1,2",
	"a,b\r",
	"\"a\",\"b\"\n",
	"\"a,b\",c\n",
	"\"a\"\"b\",c\n",
	"\"multi\nline\",x\nnext,row\n",
	"\"multi\r\nline\"\r\n",
	"a,b\"c\n",
	"\"a\"b,c\n",
	"\"unterminated\n",
	"\"unterminated\nmore\n",
	"\"a\"\n\"b\nc\"\n\n\"d\"",
	",,\n,\n",
	"\"\"\n",
	"x,\"\"\n",
	"\"a\r",
	"\"a\n\r",
	"a\tb\n\"c\td\"\te\n",
	"测试,数据\n\"引号,内\",值\n",
	strings.Repeat("x", 100) + "," + strings.Repeat("y", 50) + "\n\"" + strings.Repeat("z", 70) + "\"\n",
}

func TestCSVLexerMatchesEncodingCSV(t *testing.T) {
	for _, c := range lexCases {
		sameAsStd(t, []byte(c), ',')
		sameAsStd(t, []byte(c), '\t')
	}
}

func TestCSVLexerLimit(t *testing.T) {
	data := "a,b\n1,\"" + strings.Repeat("x", 5000) + "\"\n"
	l := newCSVLexer(bufio.NewReaderSize(strings.NewReader(data), 16), ',', 1000)
	if _, _, _, err := l.read(); err != nil {
		t.Fatal(err)
	}
	_, _, _, err := l.read()
	var e *Error
	if !errors.As(err, &e) || !errors.Is(e.Err, ErrLimit) || e.Line != 2 {
		t.Fatalf("want a limit error on line 2, got %v", err)
	}
}

func FuzzCSVLexer(f *testing.F) {
	for _, c := range lexCases {
		f.Add([]byte(c), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, tab bool) {
		comma := byte(',')
		if tab {
			comma = '\t'
		}
		sameAsStd(t, data, comma)
	})
}
