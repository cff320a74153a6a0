package dashboard_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"github.com/zibo-kj/corridor/dashboard/auth"
)

// reportPeriod is the filter of the report tests: the demo's years.
const reportPeriod = "from=2019&to=2025"

// exportedCharts are the charts of the monthly report's pages whose
// options the golden files hold, by page.
var exportedCharts = map[string][]string{
	"overview":  {"index", "trend-platforms", "trend-funding", "trend-contracts"},
	"index":     {"index-radar", "index-contrib", "index-coupling"},
	"platforms": {"platforms-trend", "platforms-partner", "platforms-district", "platforms-level"},
	"projects":  {"projects-trend", "funding-trend", "funding-flows", "projects-industry", "projects-partner"},
	"network":   {"network"},
	"map":       {"map-corridor", "map-zibo"},
}

// The option behind every exported chart of the monthly report is the
// golden one: what the PNG, the SVG and the report draw (-update rewrites).
func TestExportOptionsGolden(t *testing.T) {
	ts := newDemoServer(t)
	for page, ids := range exportedCharts {
		for _, id := range ids {
			code, body := get(t, ts, "/export/chart?page="+page+"&chart="+id+"&format=json&"+reportPeriod)
			if code != 200 {
				t.Fatalf("%s/%s: %d %s", page, id, code, body)
			}
			var ex struct {
				Title  string          `json:"title"`
				Sample bool            `json:"sample"`
				Option json.RawMessage `json:"option"`
			}
			if err := json.Unmarshal(body, &ex); err != nil || ex.Title == "" || !ex.Sample {
				t.Errorf("%s/%s: %v %+v", page, id, err, ex)
			}
			if bytes.Contains(ex.Option, []byte(`"toolbox"`)) {
				t.Errorf("%s/%s: the exported option keeps the toolbox", page, id)
			}
			golden(t, "export_"+page+"_"+id, body)
		}
	}
}

var svgText = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)

// A chart's SVG holds its Chinese title and axis labels as text; its PNG is
// twice the chart's size and not blank.
func TestChartSVGAndPNG(t *testing.T) {
	requireChromium(t)
	ts := newDemoServer(t)
	t.Cleanup(ts.Close)
	code, body := get(t, ts, "/export/chart?page=overview&chart=trend-platforms&format=svg&"+reportPeriod)
	if code != 200 || !bytes.HasPrefix(body, []byte("<svg")) {
		t.Fatalf("svg: %d %.200s", code, body)
	}
	texts := map[string]bool{}
	for _, m := range svgText.FindAllSubmatch(body, -1) {
		texts[string(m[1])] = true
	}
	for _, want := range []string{"共建平台与合作项目（累计）", "2019年", "2025年", "累计共建平台", "示例数据"} {
		if !texts[want] {
			t.Errorf("the SVG has no text %q; texts: %v", want, texts)
		}
	}
	if err := wellFormed(body); err != nil {
		t.Errorf("the SVG is not XML: %v", err)
	}
	var size struct {
		W int `xml:"width,attr"`
		H int `xml:"height,attr"`
	}
	if err := xml.Unmarshal(body, &size); err != nil || size.W == 0 {
		t.Fatalf("svg size: %v %+v", err, size)
	}
	// A map's image says it is schematic.
	if code, m := get(t, ts, "/export/chart?page=map&chart=map-zibo&format=svg&"+reportPeriod); code != 200 || !bytes.Contains(m, []byte(">示意图，边界仅供参考")) {
		t.Errorf("map svg: %d, no schematic notice as text", code)
	}
	code, body = get(t, ts, "/export/chart?page=overview&chart=trend-platforms&format=png&"+reportPeriod)
	if code != 200 {
		t.Fatalf("png: %d %s", code, body)
	}
	img, err := png.Decode(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 2*size.W || b.Dy() != 2*size.H {
		t.Errorf("png is %dx%d, want 2× the chart's %dx%d", b.Dx(), b.Dy(), size.W, size.H)
	}
	if inked, colours := ink(img); inked < 0.02 || colours < 8 {
		t.Errorf("png looks blank: %.3f of pixels inked, %d colours", inked, colours)
	}
	// The title band's Chinese text is drawn with a CJK font: its top-left
	// corner, where the title stands, is inked.
	title := img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(0, 0, 2*size.W/2, 2*44))
	if inked, _ := ink(title); inked < 0.03 {
		t.Errorf("title band barely inked (%.3f): no CJK glyphs?", inked)
	}
}

// ink is the share of pixels that are not white and the number of colours.
func ink(img image.Image) (float64, int) {
	b := img.Bounds()
	n, colours := 0, map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if len(colours) < 1000 {
				colours[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			}
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy()), len(colours)
}

// The monthly report as DOCX: a zip of well-formed XML with the charts as
// images, Word tables, captions with source and date, the method note and
// the 示例数据 note, Chinese fonts; LibreOffice converts it to PDF and
// the pages are not blank.
func TestMonthlyReportDOCX(t *testing.T) {
	requireChromium(t)
	ts := newDemoServer(t)
	t.Cleanup(ts.Close)
	code, body := get(t, ts, "/report/download?page=overview,index,platforms,projects&format=docx&"+reportPeriod)
	if code != 200 {
		t.Fatalf("docx: %d %s", code, body)
	}
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	images, doc, styles := 0, "", ""
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		switch {
		case strings.HasPrefix(f.Name, "word/media/"):
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil || img.Bounds().Dx() < 1800 {
				t.Errorf("%s: %v, want a PNG at print resolution (≥1800 px wide)", f.Name, err)
			}
			images++
		case strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels"):
			if err := wellFormed(b); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
			if f.Name == "word/document.xml" {
				doc = string(b)
			}
			if f.Name == "word/styles.xml" {
				styles = string(b)
			}
		}
	}
	if images < 12 {
		t.Errorf("%d images, want each chart of the four pages", images)
	}
	for _, want := range []string{"示例数据", "图 1", "表 1", "数据来源", "制表日期：", "期间：2019年 — 2025年", "<w:tbl>", "<w:tblHeader/>", "融合指数 · 方法说明", "资金流向"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
	if !strings.Contains(styles, `w:eastAsia="宋体"`) {
		t.Errorf("styles set no Chinese (eastAsia) font")
	}
	pdfPages(t, body)
}

// pdfPages converts a DOCX with LibreOffice and checks that pdftoppm draws
// non-blank pages. Without LibreOffice it is skipped, except in CI.
func pdfPages(t *testing.T, docx []byte) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice is missing; CI must install Debian's libreoffice-writer-nogui and poppler-utils")
		}
		t.Skip("LibreOffice not installed: the DOCX was checked as XML only")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(in, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir, in).CombinedOutput()
	if err != nil || !fileExists(filepath.Join(dir, "report.pdf")) {
		t.Fatalf("LibreOffice did not convert the DOCX (is libreoffice-writer installed?): %v %s", err, out)
	}
	if out, err := exec.Command("pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "3", filepath.Join(dir, "report.pdf"), filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if len(pages) != 3 {
		t.Fatalf("pdftoppm drew %d pages, want 3", len(pages))
	}
	for _, p := range pages {
		f, _ := os.Open(p)
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if inked, _ := ink(img); inked < 0.01 {
			t.Errorf("%s is blank (%.4f inked)", filepath.Base(p), inked)
		}
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// The report's workbook reads back with the numbers of the chart's own
// export, as numbers, with a native Excel chart beside them.
func TestReportXLSXReadsBack(t *testing.T) {
	ts := newDemoServer(t)
	code, body := get(t, ts, "/report/download?page=overview&chart=trend-funding&format=xlsx&"+reportPeriod)
	if code != 200 {
		t.Fatalf("xlsx: %d %s", code, body)
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 2 || sheets[0] != "说明" || sheets[1] != "财政资金投入" {
		t.Fatalf("sheets %v, want 说明 and the chart's", sheets)
	}
	got, _ := f.GetRows(sheets[1], excelize.Options{RawCellValue: true})
	want := xlsxFile(t, ts, "/api/v1/series?metric=funding_fiscal&"+reportPeriod+"&format=xlsx")
	wantRows, _ := want.GetRows(want.GetSheetList()[0], excelize.Options{RawCellValue: true})
	if len(got) != len(wantRows) {
		t.Fatalf("%d rows, the chart's export has %d", len(got), len(wantRows))
	}
	for i := range wantRows {
		for j := range wantRows[i] {
			if got[i][j] != wantRows[i][j] {
				t.Errorf("row %d col %d: %q, the chart's export says %q", i+1, j+1, got[i][j], wantRows[i][j])
			}
		}
	}
	if !strings.HasPrefix(got[0][0], "示例数据") || got[1][2] != "数值" {
		t.Errorf("head rows %q", got[:2])
	}
	typ, _ := f.GetCellType(sheets[1], "C3")
	v, _ := f.GetCellValue(sheets[1], "C3", excelize.Options{RawCellValue: true})
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber || v == "" {
		t.Errorf("C3 is %v %q, want a number", typ, v)
	}
	// A chart of two series exports both (the overview's link once gave the first only).
	code, csvBody := get(t, ts, "/report/download?page=overview&chart=trend-platforms&format=csv&"+reportPeriod)
	for _, want := range []string{"\n累计共建平台,2019年,", "\n累计合作项目,2019年,"} {
		if code != 200 || !strings.Contains(string(csvBody), want) {
			t.Errorf("trend-platforms CSV (%d) lacks a row %q", code, want)
		}
	}
	zr, _ := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	charts := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 1 {
		t.Errorf("%d native charts, want 1", charts)
	}
}

// The HTML report opens offline: its charts are inline SVG and it links
// to nothing outside itself.
func TestReportHTMLOffline(t *testing.T) {
	ts := newDemoServer(t)
	code, body := get(t, ts, "/report/download?page=overview,index&format=html&"+reportPeriod)
	if code != 200 {
		t.Fatalf("html: %d %s", code, body)
	}
	page := string(body)
	if n := strings.Count(page, "<svg"); n < 6 {
		t.Errorf("%d inline SVG charts, want ≥6", n)
	}
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*"[^"#]`).FindString(page); m != "" {
		t.Errorf("the HTML loads or links something: %s", m)
	}
	for _, want := range []string{"<script", "<link"} {
		if strings.Contains(page, want) {
			t.Errorf("the HTML has %s", want)
		}
	}
	for _, want := range []string{"示例数据", "融合指数 · 方法说明", "共建平台与合作项目（累计）", "<table>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
}

// Exports honour roles and filters: the report needs an analyst, a chart's
// image a signed-in viewer; the filter changes what is drawn; a bad filter,
// page or chart is a 400 naming it.
func TestExportRolesAndFilters(t *testing.T) {
	ts := newDemoServer(t)
	addUser(t, ts.db, "reader", auth.Viewer)
	all := "/export/chart?page=platforms&chart=platforms-trend&format=json&" + reportPeriod
	code, whole := get(t, ts, all)
	if code != 200 {
		t.Fatalf("%d %s", code, whole)
	}
	code, zichuan := get(t, ts, all+"&district=370302")
	if code != 200 || bytes.Equal(whole, zichuan) {
		t.Errorf("district filter: %d, same option as unfiltered: %v", code, bytes.Equal(whole, zichuan))
	}
	for target, param := range map[string]string{
		"/export/chart?page=platforms&chart=platforms-trend&format=svg&district=999999": "district",
		"/export/chart?page=platforms&chart=nope&format=svg":                            "chart",
		"/export/chart?page=nope&chart=x&format=svg":                                    "page",
		"/report/download?page=overview&format=pdf":                                     "format",
		"/report/download?page=overview&format=docx&distrcit=370302":                    "distrcit",
	} {
		code, body := get(t, ts, target)
		if code != 400 || !strings.Contains(string(body), `"param":"`+param+`"`) {
			t.Errorf("%s: %d %s, want 400 naming %s", target, code, body, param)
		}
	}
	ts.login(t, "reader")
	if code, _ := get(t, ts, "/report/download?page=overview&format=xlsx"); code != 403 {
		t.Errorf("viewer report: %d, want 403", code)
	}
	if code, _ := get(t, ts, "/report"); code != 403 {
		t.Errorf("viewer report page: %d, want 403", code)
	}
	if code, _ := get(t, ts, all); code != 200 {
		t.Errorf("viewer chart export: %d, want 200", code)
	}
	ts.cookies = nil
	if code, _ := get(t, ts, all); code != 401 {
		t.Errorf("anonymous chart export: %d, want 401", code)
	}
}

// The report page offers the monthly report's pages checked and keeps the
// page filter in its form.
func TestReportPageForm(t *testing.T) {
	ts := newDemoServer(t)
	resp := ts.do(t, "GET", "/report?from=2019&to=2025&district=370302", nil)
	b, _ := io.ReadAll(resp.Body)
	page := string(b)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, page)
	}
	for _, want := range []string{`action="/report/download"`, `name="from" value="2019"`, `name="district" value="370302"`,
		`value="overview" checked`, `value="index" checked`, `value="platforms" checked`, `value="projects" checked`, `value="docx" checked`} {
		if !strings.Contains(page, want) {
			t.Errorf("report page lacks %s", want)
		}
	}
	if strings.Contains(page, `value="network" checked`) {
		t.Error("network is checked; the monthly report has four pages")
	}
}

// Dates in an XLSX export are dates (numbers with a date format Excel can
// sort and filter), not text.
func TestXLSXDatesAreDates(t *testing.T) {
	ts := newDemoServer(t)
	f := xlsxFile(t, ts, "/drill?metric=platforms_cum&format=xlsx&"+reportPeriod)
	sh := f.GetSheetList()[0]
	rows, _ := f.GetRows(sh)
	dates := 0
	for i, r := range rows {
		for j := range r {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			id, _ := f.GetCellStyle(sh, ref)
			st, err := f.GetStyle(id)
			if err != nil || st.CustomNumFmt == nil || !strings.HasPrefix(*st.CustomNumFmt, "yyyy-mm-dd") {
				continue
			}
			raw, _ := f.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})
			shown, _ := f.GetCellValue(sh, ref)
			if !regexp.MustCompile(`^\d+(\.\d+)?$`).MatchString(raw) || !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`).MatchString(shown) {
				t.Errorf("%s: raw %q shown %q, want an Excel date", ref, raw, shown)
			}
			dates++
		}
	}
	if dates == 0 {
		t.Errorf("no date cells in the drill export: %q", rows[:min(3, len(rows))])
	}
}
