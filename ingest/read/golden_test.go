package read

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden files")

// checkGolden compares the whole table, as indented JSON, with
// testdata/golden/<name>.json.
func checkGolden(t *testing.T, name string, tb *Table) {
	t.Helper()
	got, err := json.MarshalIndent(tb, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ingest/read/ -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden; got:\n%s", path, got)
	}
}

// writeTemp writes data to a file named name in a fresh temp dir.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// readGolden reads a file written to a temp dir and checks it against
// its golden table.
func readGolden(t *testing.T, golden, name string, data []byte, o Options) *Table {
	t.Helper()
	tb, err := ReadFile(writeTemp(t, name, data), o)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, golden, tb)
	return tb
}

func TestGoldenXLSXReport(t *testing.T) {
	tb := readGolden(t, "xlsx_report", "report.xlsx", reportFixture(t), Options{})
	want := []string{"序号", "区县", "平台名称", "资金/财政资金（万元）", "资金/自筹资金（万元）", "成立日期", "批复日期", "备注"}
	if !equalStrings(tb.Headers, want) {
		t.Errorf("headers = %q, want %q", tb.Headers, want)
	}
	if tb.Sheet != "统计表" {
		t.Errorf("sheet = %q: hidden and empty sheets must be passed over", tb.Sheet)
	}
	cell := func(line int, col string) string {
		for _, r := range tb.Rows {
			if r.Line == line {
				for _, c := range r.Cells {
					if c.ColName == col {
						return c.Value
					}
				}
			}
		}
		t.Fatalf("no cell %s%d", col, line)
		return ""
	}
	for _, c := range []struct {
		ref, col string
		line     int
		want     string
	}{
		{"D5 #,##0.00", "D", 5, "1234.5"},
		{"F5 date format", "F", 5, "2021-03-02"},
		{"G5 serial without format", "G", 5, "44257"},
		{"F6 builtin 31", "F", 6, "2021-04-01"},
		{"G6 text in date column", "G", 6, "44287"},
		{"F7 date time", "F", 7, "2022-01-01 12:00:00"},
		{"B6 merged district", "B", 6, "张店区"},
		{"B7 merged district", "B", 7, "张店区"},
		{"D6 float noise", "D", 6, "0.3"},
		{"E9 formula cached value", "E", 9, "20"},
		{"H7 boolean", "H", 7, "TRUE"},
	} {
		if got := cell(c.line, c.col); got != c.want {
			t.Errorf("%s: got %q, want %q", c.ref, got, c.want)
		}
	}
}

// reportCSV is a district CSV: title row, header, a quoted field with a
// line break, a blank line, a total row and a note.
const reportCSV = "2021年淄博市共建平台统计表,,,\n" +
	"区县,平台名称,财政资金（万元）,成立日期\n" +
	"张店区,\"平台A\n（省级）\",\"1,234.5\",2021-03-02\n" +
	"\n" +
	"淄川区,平台B,200,2021/4/1\n" +
	"合计,,\"1,434.5\",\n" +
	"注：资金单位为万元。,,,\n"

func TestGoldenCSVUTF8(t *testing.T) {
	tb := readGolden(t, "csv_utf8", "report.csv", []byte(reportCSV), Options{})
	if tb.Encoding != EncUTF8 {
		t.Errorf("encoding = %q", tb.Encoding)
	}
	if len(tb.Rows) != 2 || tb.Rows[0].Line != 3 || tb.Rows[1].Line != 6 {
		t.Errorf("rows must keep source lines across the quoted line break: %+v", tb.Rows)
	}
}

func TestGoldenCSVUTF8BOM(t *testing.T) {
	tb := readGolden(t, "csv_utf8_bom", "report.csv", append([]byte{0xEF, 0xBB, 0xBF}, reportCSV...), Options{})
	if tb.Encoding != EncUTF8BOM || tb.Headers[0] != "区县" {
		t.Errorf("encoding = %q, first header %q", tb.Encoding, tb.Headers[0])
	}
}

func TestGoldenCSVGB18030(t *testing.T) {
	tb := readGolden(t, "csv_gb18030", "report.csv", gb18030(t, reportCSV), Options{})
	if tb.Encoding != EncGB18030 {
		t.Errorf("encoding = %q", tb.Encoding)
	}
	utf, err := ReadCSV(bytes.NewReader([]byte(reportCSV)), "report.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	utf.Encoding = tb.Encoding
	a, _ := json.Marshal(tb)
	b, _ := json.Marshal(utf)
	if !bytes.Equal(a, b) {
		t.Error("GB18030 and UTF-8 versions of the same file must read the same")
	}
}

// groupHeaderCSV has a two-row header exported without merges.
const groupHeaderCSV = "序号,区县,资金,,备注\n" +
	",,财政资金（万元）,自筹资金（万元）,\n" +
	"1,张店区,100,50,\n" +
	"2,淄川区,80,20,新建\n" +
	"总计,,180,70,\n"

func TestGoldenCSVGroupHeader(t *testing.T) {
	tb := readGolden(t, "csv_group_header", "group.csv", []byte(groupHeaderCSV), Options{})
	want := []string{"序号", "区县", "资金/财政资金（万元）", "资金/自筹资金（万元）", "备注"}
	if !equalStrings(tb.Headers, want) {
		t.Errorf("headers = %q, want %q", tb.Headers, want)
	}
}

func TestGoldenTSV(t *testing.T) {
	data := "区县\t金额（万元）\t备注\n张店区\t1,234.5\t含,逗号\n"
	tb := readGolden(t, "tsv", "export.txt", []byte(data), Options{})
	if len(tb.Headers) != 3 || tb.Rows[0].Cells[2].Value != "含,逗号" {
		t.Errorf("tab-separated text must split on tabs: %+v", tb)
	}
}

func TestGoldenJSON(t *testing.T) {
	data := `{"total": 3, "meta": {"source": ["区县", {"a": 1}]}, "rows": [
  {"区县": "张店区", "金额": 1234.50, "批复": true, "备注": null},
  {"区县": "淄川区", "金额": 1e3, "新增": "是"},
  {"区县": "", "金额": null}
]}`
	tb := readGolden(t, "json_rows", "register.json", []byte(data), Options{})
	if got := tb.Rows[0].Cells[1].Value; got != "1234.50" {
		t.Errorf("numbers keep their literal text, got %q", got)
	}
}

func TestGoldenJSONLines(t *testing.T) {
	data := "\ufeff{\"区县\":\"张店区\",\"金额\":12}\n\n{\"金额\":3.0,\"区县\":\"周村区\",\"备注\":\"x\"}\n"
	tb := readGolden(t, "jsonl", "register.jsonl", []byte(data), Options{})
	if tb.Rows[1].Line != 3 {
		t.Errorf("JSON Lines rows keep their line numbers, got %d", tb.Rows[1].Line)
	}
}

// TestGoldenLibreOffice reads a workbook LibreOffice Calc wrote (converted
// from testdata/libreoffice.csv with soffice --headless --convert-to xlsx).
func TestGoldenLibreOffice(t *testing.T) {
	tb, err := ReadFile(filepath.Join("testdata", "libreoffice.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "libreoffice", tb)
}

// equalStrings compares two string slices.
func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
