package dashboard_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Every export of sample data says 示例数据 where Excel shows it first;
// exports of real data do not.
func TestSampleExportsSaySo(t *testing.T) {
	ts := newServer(t, map[string]string{"p.csv": fxPlatforms})
	loadSample(t, ts, "demo.csv", fxSamplePlatforms)
	firstLine := func(target string) string {
		code, body := get(t, ts, target)
		if code != 200 {
			t.Fatalf("%s: %d %s", target, code, body)
		}
		line, _, _ := strings.Cut(strings.TrimPrefix(string(body), "\ufeff"), "\n")
		return line
	}
	for _, u := range []string{"/api/v1/series?metric=platforms_cum&format=csv", "/drill?metric=platforms_cum&format=csv", "/api/v1/breakdown?metric=platforms_cum&format=csv"} {
		if got := firstLine(u); strings.Contains(got, "示例数据") {
			t.Errorf("%s (real data) starts %q", u, got)
		}
		if got := firstLine(u + "&sample=include"); !strings.HasPrefix(got, "示例数据：") {
			t.Errorf("%s&sample=include starts %q, want the 示例数据 note", u, got)
		}
	}
	code, body := get(t, ts, "/drill?metric=platforms_cum&format=xlsx&sample=include")
	if code != 200 {
		t.Fatalf("xlsx: %d", code)
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a1, _ := f.GetCellValue("示例数据", "A1")
	if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != "示例数据" || !strings.HasPrefix(a1, "示例数据：") {
		t.Errorf("xlsx of sample data: sheets %v, A1 %q", sheets, a1)
	}
	rows, _ := f.GetRows("示例数据")
	if len(rows) != 2+5 { // note, header, 5 platforms
		t.Errorf("xlsx rows: %d, want 7: %v", len(rows), rows)
	}
}
