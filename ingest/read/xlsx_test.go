package read

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// readXLSXBytes reads an in-memory workbook.
func readXLSXBytes(b []byte, o Options) (*Table, error) {
	return ReadXLSX(bytes.NewReader(b), int64(len(b)), "book.xlsx", o)
}

// TestXLSXMatchesExcelize cross-checks the streaming reader's raw text
// cells against excelize's GetRows on the same workbook.
func TestXLSXMatchesExcelize(t *testing.T) {
	b := reportFixture(t)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, err := f.GetRows("统计表", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	book, err := openBook(bytes.NewReader(b), int64(len(b)), DefaultMaxCellBytes)
	if err != nil {
		t.Fatal(err)
	}
	sst, _ := book.readSharedStrings()
	d := &sheetData{sst: sst, o: Options{}.withDefaults()} // no styles: numbers stay raw
	g, err := book.readSheet(book.sheets[2], d)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range g.rows {
		wantRow := trimCells(want[r.line-1])
		for j, v := range wantRow {
			if got := r.cell(j); got != v && !(v == "1" && got == "TRUE") && !(v == "0.300000000000000" && got == "0.3") {
				t.Errorf("%s%d: got %q, excelize %q", columnName(j+1), r.line, got, v)
			}
		}
	}
}

func TestXLSXSheetSelection(t *testing.T) {
	b := reportFixture(t)
	for _, c := range []struct{ sheet, want string }{
		{"", "统计表"}, {"统计表", "统计表"}, {"说明", "说明"}, {"1", "说明"}, {"3", "统计表"},
	} {
		tb, err := readXLSXBytes(b, Options{Sheet: c.sheet})
		if err != nil {
			t.Fatalf("sheet %q: %v", c.sheet, err)
		}
		if tb.Sheet != c.want {
			t.Errorf("sheet %q picked %q, want %q", c.sheet, tb.Sheet, c.want)
		}
	}
	_, err := readXLSXBytes(b, Options{Sheet: "汇总"})
	if !errors.Is(err, ErrNoSheet) || !strings.Contains(err.Error(), "sheets are: 说明, 空表, 统计表") {
		t.Errorf("unknown sheet: %v", err)
	}
}

func TestSheetNames(t *testing.T) {
	names, err := SheetNames(writeTemp(t, "r.xlsx", reportFixture(t)))
	if err != nil {
		t.Fatal(err)
	}
	if !equalStrings(names, []string{"说明", "空表", "统计表"}) {
		t.Errorf("names = %q", names)
	}
}

func TestXLSXHeaderRowsOption(t *testing.T) {
	tb, err := readXLSXBytes(reportFixture(t), Options{HeaderRows: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.HeaderLines) != 1 || tb.HeaderLines[0] != 3 || tb.Headers[3] != "资金" {
		t.Errorf("HeaderRows 1: lines %v headers %q", tb.HeaderLines, tb.Headers)
	}
}

func TestXLSXNotAWorkbook(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
	for name, data := range map[string][]byte{
		"csv renamed": []byte("a,b\n1,2\n"),
		"old xls":     ole,
		"empty":       nil,
	} {
		_, err := readXLSXBytes(data, Options{})
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrFormat) {
			t.Errorf("%s: got %v", name, err)
		}
	}
}

func TestXLSXCellTooLong(t *testing.T) {
	f := excelize.NewFile()
	_ = f.SetCellStr("Sheet1", "A1", "名称")
	_ = f.SetCellStr("Sheet1", "B1", "说明")
	_ = f.SetCellStr("Sheet1", "A2", "x")
	_ = f.SetCellStr("Sheet1", "B2", strings.Repeat("长", 100))
	var buf bytes.Buffer
	_ = f.Write(&buf)
	_, err := readXLSXBytes(buf.Bytes(), Options{MaxCellBytes: 100})
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "book.xlsx:Sheet1:2:B: value") {
		t.Errorf("got %v", err)
	}
}

// TestXLSXHandWritten covers parts excelize does not write: inline
// strings, rich text with phonetic runs, _xHHHH_ escapes, error values,
// exponent numbers, a 1904 workbook, t="d" cells and rows without r.
func TestXLSXHandWritten(t *testing.T) {
	sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row><c t="inlineStr"><is><t>名称</t></is></c><c t="inlineStr"><is><t>值</t></is></c><c t="inlineStr"><is><t>日期</t></is></c></row>` +
		`<row><c t="s"><v>0</v></c><c><v>1.5E-3</v></c><c s="1"><v>0</v></c></row>` +
		`<row><c t="inlineStr"><is><t>a_x000D_b</t></is></c><c t="e"><v>#DIV/0!</v></c><c t="d"><v>2021-03-02T00:00:00Z</v></c></row>` +
		`<row><c t="inlineStr"><is><t>噪声</t></is></c><c><v>0.30000000000000004</v></c><c t="b"><v>0</v></c></row>` +
		`</sheetData></worksheet>`
	sst := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>淄</t></r><r><t>博</t></r><rPh sb="0" eb="1"><t>zi</t></rPh></si></sst>`
	styles := `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`
	b := minimalXLSX(t, map[string]string{
		"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst, "xl/styles.xml": styles,
	}, true)
	tb, err := readXLSXBytes(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := [][]string{}
	for _, r := range tb.Rows {
		var vals []string
		for _, c := range r.Cells {
			vals = append(vals, c.Value)
		}
		got = append(got, vals)
	}
	want := [][]string{{"淄博", "0.0015", "1904-01-01"}, {"a\rb", "#DIV/0!", "2021-03-02"}, {"噪声", "0.3", "FALSE"}}
	if len(got) != len(want) {
		t.Fatalf("rows = %q", got)
	}
	for i := range want {
		if !equalStrings(got[i], want[i]) {
			t.Errorf("row %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestXLSXPrefixedStrictXML reads a sheet written with an element prefix
// and the Strict OOXML namespace, self-closing cells and empty values.
func TestXLSXPrefixedStrictXML(t *testing.T) {
	sheet := `<x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData>` +
		`<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>名称</x:t></x:is></x:c><x:c r="C2" t="inlineStr"><x:is><x:t xml:space="preserve"> 金额 </x:t></x:is></x:c></x:row>` +
		`<x:row r="3"><x:c r="A3"/><x:c r="B3" t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c r="C3"><x:v/></x:c><x:c r="D3"><x:v>7</x:v></x:c></x:row>` +
		`</x:sheetData></x:worksheet>`
	tb, err := readXLSXBytes(minimalXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheet}, false), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !equalStrings(tb.Headers, []string{"", "名称", "金额", ""}) || len(tb.Rows) != 1 || tb.Rows[0].Cells[3].Value != "7" {
		t.Errorf("got %+v", tb)
	}
	if !equalInts(tb.HeaderLines, []int{2}) || tb.Skipped[0] != (Skipped{Line: 1, Reason: ReasonBlank}) {
		t.Errorf("header lines %v skipped %+v", tb.HeaderLines, tb.Skipped)
	}
}
