package dashboard_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"html"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// csvRecords fetches a CSV export and returns its records, the BOM cut.
func csvRecords(t *testing.T, ts *testServer, target string) [][]string {
	t.Helper()
	code, body := get(t, ts, target)
	if code != 200 {
		t.Fatalf("%s: %d %s", target, code, body)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff"))))
	r.FieldsPerRecord = -1 // several tables, each its own width
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	return recs
}

// xlsxFile fetches an XLSX export and opens it.
func xlsxFile(t *testing.T, ts *testServer, target string) *excelize.File {
	t.Helper()
	code, body := get(t, ts, target)
	if code != 200 {
		t.Fatalf("%s: %d %s", target, code, body)
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// findRow is the first record whose first cell is first.
func findRow(recs [][]string, first string) []string {
	for _, r := range recs {
		if len(r) > 0 && r[0] == first {
			return r
		}
	}
	return nil
}

// Every /api/v1 route the docs list answers ?format=csv and xlsx, headed
// in the reader's language, with names for codes and 示例数据 first on
// the demo's sample data.
func TestEveryAPIRouteExports(t *testing.T) {
	ts := newDemoServer(t)
	routes := map[string]struct{ zh, en string }{
		"/api/v1/overview?":                                {"核心指标", "Key figures"},
		"/api/v1/targets?":                                 {"指标", "Metric"},
		"/api/v1/metrics?":                                 {"指标", "Metric"},
		"/api/v1/series?metric=platforms_cum&":             {"指标", "Metric"},
		"/api/v1/breakdown?metric=platforms_cum&by=level&": {"级别", "Level"},
		"/api/v1/network?":                                 {"济南合作单位", "Jinan partner"},
		"/api/v1/flows?":                                   {"资金来源", "From"},
		"/api/v1/corridor?":                                {"合作方所在城市", "Partner city"},
		"/api/v1/index?":                                   {"年份", "Year"},
	}
	for route, head := range routes {
		for lang, want := range map[string]string{"": head.zh, "lang=en&": head.en} {
			recs := csvRecords(t, ts, route+lang+"format=csv")
			if len(recs) < 3 || !strings.HasPrefix(recs[0][0], "示例数据") || recs[1][0] != want {
				t.Errorf("%s%sformat=csv starts %q, want the 示例数据 note and %q", route, lang, recs[:min(2, len(recs))], want)
			}
		}
		f := xlsxFile(t, ts, route+"format=xlsx")
		if sheets := f.GetSheetList(); sheets[0] != "示例数据" {
			t.Errorf("%sformat=xlsx: sheets %v, want 示例数据 first", route, sheets)
		}
	}

	// Codes of levels read as names.
	recs := csvRecords(t, ts, "/api/v1/breakdown?metric=platforms_cum&by=level&format=csv")
	for _, r := range recs[2:] {
		if r[0] == "national" || r[0] == "provincial" || r[0] == "municipal" {
			t.Errorf("level breakdown shows the code %q, want its name", r[0])
		}
	}
	if findRow(recs, "省级") == nil {
		t.Errorf("level breakdown lacks 省级: %q", recs)
	}

	// The overview holds its KPI cards, the index and the targets.
	recs = csvRecords(t, ts, "/api/v1/overview?format=csv")
	for _, want := range []string{"累计共建平台", "融合指数", "目标完成情况"} {
		if findRow(recs, want) == nil {
			t.Errorf("overview CSV lacks a row starting %q: %q", want, recs)
		}
	}
}

// XLSX cells of numbers are numbers, not text, so Excel sums them.
func TestXLSXNumbersAreNumbers(t *testing.T) {
	ts := newDemoServer(t)
	code, body := get(t, ts, "/api/v1/targets?format=xlsx")
	if code != 200 {
		t.Fatalf("targets xlsx: %d", code)
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil || len(rows) < 3 {
		t.Fatalf("targets xlsx: %v %q", err, rows)
	}
	if got := strings.Join(rows[1], ","); !strings.HasPrefix(got, "指标,区域,年份,目标,实际,单位,完成率") {
		t.Errorf("targets header %q", got)
	}
	cells := sheetCells(t, body)
	for _, ref := range []string{"C3", "D3", "E3", "G3"} { // year, target, actual, attainment of the first target
		if c, ok := cells[ref]; !ok || c.Type != "" && c.Type != "n" || c.Value == "" {
			t.Errorf("%s is %+v, want a number", ref, c)
		}
	}
	for _, ref := range []string{"A2", "A3", "B3"} { // header, metric name, place
		if c := cells[ref]; c.Type == "" || c.Type == "n" {
			t.Errorf("%s is %+v, want text", ref, c)
		}
	}
}

// xlsxCell is one <c> of a worksheet's XML.
type xlsxCell struct {
	Ref   string `xml:"r,attr"`
	Type  string `xml:"t,attr"`
	Value string `xml:"v"`
}

// sheetCells reads the first worksheet's cells from the XLSX's XML, where a
// number is a cell without a text type (t="s", "str" or "inlineStr").
func sheetCells(t *testing.T, xlsx []byte) map[string]xlsxCell {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var ws struct {
		Rows []struct {
			Cells []xlsxCell `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.NewDecoder(rc).Decode(&ws); err != nil {
		t.Fatal(err)
	}
	out := map[string]xlsxCell{}
	for _, r := range ws.Rows {
		for _, c := range r.Cells {
			out[c.Ref] = c
		}
	}
	return out
}

var csvLink = regexp.MustCompile(`(?s)id="card-([a-z-]+)">\s*<header>[^<]*<h2>.*?<a href="([^"]+)&amp;format=csv"`)

// Each chart of the index page downloads the table it draws, not the
// headline's table four times.
func TestIndexChartsExportTheirOwnTables(t *testing.T) {
	ts := newDemoServer(t)
	resp := ts.do(t, "GET", "/index", nil)
	page, _ := io.ReadAll(resp.Body)
	want := map[string]string{ // chart → its table's first header, and one it must have
		"index-band":     "年份|区间下限（P5）",
		"index-radar":    "融合指数维度|维度得分（基期＝100） · 2025年",
		"index-contrib":  "年份|合计",
		"index-coupling": "年份|协调度 D",
	}
	seen := map[string]bool{}
	for _, m := range csvLink.FindAllStringSubmatch(string(page), -1) {
		id, link := m[1], html.UnescapeString(m[2])
		w, ok := want[id]
		if !ok {
			continue
		}
		seen[id] = true
		first, col, _ := strings.Cut(w, "|")
		recs := csvRecords(t, ts, link+"&format=csv")
		head := recs[1] // after the 示例数据 note
		if head[0] != first || !slices.Contains(head, col) {
			t.Errorf("%s exports %s with header %q, want %q first and a column %q", id, link, head, first, col)
		}
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("index page has no CSV link for %s", id)
		}
	}
	if code, body := get(t, ts, "/api/v1/index?table=nope&format=csv"); code != 400 || !strings.Contains(string(body), "table") {
		t.Errorf("unknown table: %d %s", code, body)
	}
}
