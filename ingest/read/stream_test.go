package read

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/vocab"
)

// wholeTable reads CSV the way the readers did before streaming: every
// source row first, then header detection and classification over the
// whole table (buildTable). The stream must give the same table.
func wholeTable(t testing.TB, data []byte, o Options) (*Table, error) {
	t.Helper()
	o = o.withDefaults()
	text, enc, err := decodeText(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(text, delimiterSniff)
	src := csvRows(newCSVLexer(br, sniffDelimiter(br), recordLimit(o)), enc, o)
	g := &grid{colName: columnName}
	for {
		r, err := src()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		g.rows = append(g.rows, r.own())
	}
	tb := &Table{File: "f.csv", Format: FormatCSV, Encoding: enc}
	return tb, buildTable(g, tb, o)
}

// streamed reads data through StreamCSV with the given chunk size and
// gathers the chunks into a table, without widening it (collect with no
// row stream), checking each chunk's size on the way.
func streamed(t testing.TB, data []byte, o Options) (*Table, error) {
	t.Helper()
	s, err := StreamCSV(bytes.NewReader(data), "f.csv", o)
	if err != nil {
		return nil, err
	}
	next := s.next
	s.next = func() ([]Row, error) {
		rows, err := next()
		if err == nil && (len(rows) == 0 || o.ChunkRows > 0 && len(rows) > max(o.ChunkRows, headerWindow)) {
			t.Fatalf("chunk of %d rows (chunk size %d)", len(rows), o.ChunkRows)
		}
		return rows, err
	}
	return collect(s, nil, o)
}

// streamCases are inputs whose classification depends on what follows:
// totals and notes in the middle and at the end, blank runs, one-column
// files, a title above the header and rows wider than the header.
var streamCases = map[string]string{
	"report":        reportCSV,
	"group header":  groupHeaderCSV,
	"total in body": "区县,数值\n张店区,1\n合计,1\n淄川区,2\n\n\n博山区,3\n合计,6\n注：单位万元\n填表人：张三\n\n\n",
	"note in body":  "名称,数值\n注：说明,\n平台A,1\n说明：见附件\n",
	"one column":    "名称\n平台A\n平台B\n\n平台C\n",
	"single value":  "区县,数值\n张店区,1\n合计,1\n备注甲\n备注乙,\n",
	"title":         "2021年统计表\n填报单位：张店区\n\n区县,数值\n张店区,1\n",
	"wide rows":     "a,b\n1,2\n3,4,5,6\n7\n",
	"only blanks":   "\n\n\n",
	"empty":         "",
	"quoted lines":  "区县,名称\n张店区,\"平台\nA\"\n\n淄川区,\"B\"\n",
	"blank header":  "\n\n区县,数值\n\n张店区,1\n",
	"long":          "区县,数值\n" + strings.Repeat("张店区,1\n\n合计,1\n", 100) + "注：完\n",
	"long title":    strings.Repeat("说明文字\n", 40) + "区县,数值\n张店区,1\n",
}

func TestStreamMatchesWholeTable(t *testing.T) {
	for name, in := range streamCases {
		want, werr := wholeTable(t, []byte(in), Options{})
		for _, chunk := range []int{1, 2, 3, 7, 0} {
			got, gerr := streamed(t, []byte(in), Options{ChunkRows: chunk})
			if (werr != nil) != (gerr != nil) {
				t.Fatalf("%s chunk %d: errors differ: whole %v, stream %v", name, chunk, werr, gerr)
			}
			if werr != nil {
				continue
			}
			// A stream cannot know rows wider than the header window in
			// advance; ReadCSV widens them afterwards (checked below).
			if !reflect.DeepEqual(narrow(want), narrow(got)) {
				t.Errorf("%s chunk %d:\nwhole  %+v\nstream %+v", name, chunk, want, got)
			}
		}
		full, err := ReadCSV(strings.NewReader(in), "f.csv", Options{ChunkRows: 2})
		if (err != nil) != (werr != nil) {
			t.Fatalf("%s: ReadCSV error %v, whole-table error %v", name, err, werr)
		}
		if err == nil && !reflect.DeepEqual(want, full) {
			t.Errorf("%s: ReadCSV differs from the whole-table read:\nwhole   %+v\nReadCSV %+v", name, want, full)
		}
	}
}

// narrow drops cells past the header and empty trailing headers, the only
// place a stream may differ from a whole-table read.
func narrow(tb *Table) *Table {
	c := *tb
	h := c.Headers
	for len(h) > 0 && h[len(h)-1] == "" {
		h = h[:len(h)-1]
	}
	c.Headers = h
	c.Rows = make([]Row, len(tb.Rows))
	for i, r := range tb.Rows {
		c.Rows[i] = Row{Line: r.Line, Cells: r.Cells[:min(len(r.Cells), len(h))]}
	}
	if len(c.Headers) == 0 {
		c.Headers = []string{}
	}
	return &c
}

func FuzzStreamCSV(f *testing.F) {
	for _, in := range streamCases {
		f.Add([]byte(in), uint8(2))
	}
	f.Fuzz(func(t *testing.T, data []byte, chunk uint8) {
		o := fuzzOptions
		o.ChunkRows = int(chunk%8) + 1
		want, werr := wholeTable(t, data, o)
		got, gerr := ReadCSV(bytes.NewReader(data), "f.csv", o)
		if (werr != nil) != (gerr != nil) {
			var e *Error
			if gerr != nil && errors.As(gerr, &e) && errors.Is(e.Err, ErrLimit) {
				return // a limit met in a different order
			}
			t.Fatalf("errors differ: whole %v, stream %v", werr, gerr)
		}
		if werr == nil {
			got.File = want.File
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("stream differs:\nwhole  %+v\nstream %+v", want, got)
			}
		}
	})
}

// TestStreamLimits: a stream has no default row limit (it holds a chunk,
// not the table) but keeps the limits it is given.
func TestStreamLimits(t *testing.T) {
	in := "a,b\n1,2\n3,4\n5,6\n7,8\n"
	if _, err := streamed(t, []byte(in), Options{ChunkRows: 1}); err != nil {
		t.Fatalf("default limits: %v", err)
	}
	_, err := streamed(t, []byte(in), Options{ChunkRows: 1, MaxRows: 3})
	var e *Error
	if !errors.As(err, &e) || !errors.Is(e.Err, ErrLimit) || e.Line != 4 || e.File != "f.csv" {
		t.Fatalf("MaxRows 3: want a limit error on line 4 of f.csv, got %v", err)
	}
}

// TestStreamReleaseReuses: chunks handed back are reused, and what a later
// chunk holds is still right (the values are copied before release).
func TestStreamReleaseReuses(t *testing.T) {
	in := "区县,数值\n" + strings.Repeat("张店区,1\n淄川区,2\n\n合计,3\n", 50) + "注：完\n"
	want, err := wholeTable(t, []byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := StreamCSV(strings.NewReader(in), "f.csv", Options{ChunkRows: 4})
	if err != nil {
		t.Fatal(err)
	}
	var got []Row
	seen := map[*Cell]bool{}
	reused := false
	for {
		rows, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		first := &rows[0].Cells[0]
		reused = reused || seen[first]
		seen[first] = true
		for _, r := range rows {
			got = append(got, Row{Line: r.Line, Cells: append([]Cell(nil), r.Cells...)})
		}
		s.Release(rows)
	}
	if !reused {
		t.Error("no chunk memory was reused")
	}
	if !reflect.DeepEqual(want.Rows, got) || !reflect.DeepEqual(want.Skipped, s.Skipped()) {
		t.Fatalf("rows or skipped differ after releases:\nwant %+v\ngot  %+v", want.Rows, got)
	}
}

// trailerRule is the classification rule in its whole-table form: find
// where the trailer starts from the end, then sort each row. It is the
// oracle for the classifier, which decides the same rows as they stream.
func trailerRule(rows []srcRow) (data []srcRow, skipped []Skipped) {
	for len(rows) > 0 && rows[len(rows)-1].blank() {
		rows = rows[:len(rows)-1]
	}
	trailer := len(rows)
	for trailer > 0 && trailerCandidate(rows[trailer-1]) {
		trailer--
	}
	seenTotal := false
	for i, r := range rows {
		switch {
		case r.blank():
			skipped = append(skipped, Skipped{Line: r.line, Reason: ReasonBlank})
		case vocab.IsTotalLabel(r.first()):
			skipped = append(skipped, Skipped{Line: r.line, Reason: ReasonTotal, Text: r.text()})
			seenTotal = seenTotal || i >= trailer
		case i >= trailer && (isNoteRow(r) || seenTotal && len(r.distinct()) == 1):
			skipped = append(skipped, Skipped{Line: r.line, Reason: ReasonNote, Text: r.text()})
		default:
			data = append(data, r)
		}
	}
	return data, skipped
}

// sameAsTrailerRule holds the classifier to the whole-table rule on every
// source row of a CSV text.
func sameAsTrailerRule(t *testing.T, data []byte) {
	t.Helper()
	text, enc, err := decodeText(bytes.NewReader(data))
	if err != nil {
		return
	}
	br := bufio.NewReaderSize(text, delimiterSniff)
	src := csvRows(newCSVLexer(br, sniffDelimiter(br), 1<<20), enc, fuzzOptions)
	var rows []srcRow
	for {
		r, err := src()
		if err != nil {
			break
		}
		rows = append(rows, r.own())
	}
	wd, ws := trailerRule(rows)
	gd, gs := classify(rows)
	if len(wd) != len(gd) || !reflect.DeepEqual(ws, gs) {
		t.Fatalf("%q: classifier %d data rows, skipped %+v; trailer rule %d data rows, skipped %+v", data, len(gd), gs, len(wd), ws)
	}
	for i := range wd {
		if wd[i].line != gd[i].line {
			t.Fatalf("%q: data row %d is line %d, trailer rule says line %d", data, i, gd[i].line, wd[i].line)
		}
	}
}

func TestClassifierMatchesTrailerRule(t *testing.T) {
	for _, in := range streamCases {
		sameAsTrailerRule(t, []byte(in))
	}
}

func FuzzClassifier(f *testing.F) {
	for _, in := range streamCases {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) { sameAsTrailerRule(t, data) })
}
