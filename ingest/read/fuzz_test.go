package read

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzOptions keeps fuzz inputs small and exercises the limit paths.
var fuzzOptions = Options{MaxRows: 5000, MaxCellBytes: 2048, MaxCells: 200000}

// checkResult asserts the reader's contract: errors are *Error with the
// "read: " prefix; tables are rectangular and positioned.
func checkResult(t *testing.T, tb *Table, err error) {
	t.Helper()
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error is %T, not *Error: %v", err, err)
		}
		if !strings.HasPrefix(err.Error(), "read: ") {
			t.Fatalf("error without prefix: %q", err.Error())
		}
		return
	}
	prev := 0
	for _, l := range tb.HeaderLines {
		if l <= prev {
			t.Fatalf("header lines not increasing: %v", tb.HeaderLines)
		}
		prev = l
	}
	for _, r := range tb.Rows {
		if r.Line <= prev {
			t.Fatalf("row line %d after %d", r.Line, prev)
		}
		prev = r.Line
		if len(r.Cells) != len(tb.Headers) {
			t.Fatalf("line %d has %d cells for %d headers", r.Line, len(r.Cells), len(tb.Headers))
		}
		for j, c := range r.Cells {
			if c.Col != j+1 || c.ColName == "" && tb.Format != FormatJSON && tb.Format != FormatJSONL {
				t.Fatalf("line %d cell %d badly positioned: %+v", r.Line, j, c)
			}
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(reportCSV))
	f.Add([]byte(groupHeaderCSV))
	f.Add(append([]byte{0xEF, 0xBB, 0xBF}, reportCSV...))
	f.Add(gb18030(f, reportCSV))
	f.Add([]byte("a\tb\n\"x\"\"y\"\t2\n"))
	f.Add([]byte{0xFF, 0xFE, 'a', 0, ',', 0, 'b', 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := ReadCSV(bytes.NewReader(data), "f.csv", fuzzOptions)
		checkResult(t, tb, err)
		tb, err = ReadCSV(bytes.NewReader(data), "f.csv", Options{HeaderRows: 2, MaxRows: 5000})
		checkResult(t, tb, err)
	})
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(reportFixture(f))
	f.Add(minimalXLSX(f, map[string]string{"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row></sheetData>` +
		`<mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`}, false))
	if b, err := os.ReadFile(filepath.Join("testdata", "libreoffice.xlsx")); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := ReadXLSX(bytes.NewReader(data), int64(len(data)), "f.xlsx", fuzzOptions)
		checkResult(t, tb, err)
	})
}

// FuzzXLSXSheet mutates the worksheet, shared strings and styles XML
// inside a valid archive, where whole-file mutation rarely reaches.
func FuzzXLSXSheet(f *testing.F) {
	f.Add(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>金额</t></is></c></row>`+
		`<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" s="1"><v>44257.5</v></c></row></sheetData>`+
		`<mergeCells><mergeCell ref="A1:A3"/></mergeCells></worksheet>`,
		`<sst><si><t>区县</t></si></sst>`,
		`<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd h:mm"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`)
	f.Fuzz(func(t *testing.T, sheet, sst, styles string) {
		b := minimalXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst, "xl/styles.xml": styles}, false)
		tb, err := ReadXLSX(bytes.NewReader(b), int64(len(b)), "f.xlsx", fuzzOptions)
		checkResult(t, tb, err)
	})
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`[{"a":1,"b":"x"},{"b":null,"c":true}]`))
	f.Add([]byte(`{"meta":{"x":[1,2]},"rows":[{"区县":"张店区","金额":1.50}]}`))
	f.Add([]byte("{\"a\":1}\n\n{\"a\":2,\"b\":\"x\"}\n"))
	f.Add([]byte(`[{"a":{"b":1}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := ReadJSON(bytes.NewReader(data), "f.json", fuzzOptions)
		checkResult(t, tb, err)
		tb, err = ReadJSONLines(bytes.NewReader(data), "f.jsonl", fuzzOptions)
		checkResult(t, tb, err)
	})
}
