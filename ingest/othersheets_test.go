package ingest_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/read"
)

// workbook writes sheets (name → rows) in the order given; hidden ones
// are hidden.
func workbook(t *testing.T, sheets [][2]any, hidden ...string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		name, rows := s[0].(string), s[1].([][]any)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for j, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, j+1)
			if err := f.SetSheetRow(name, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, h := range hidden {
		if err := f.SetSheetVisible(h, false); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOtherSheetsReported: a workbook's sheets that a load does not read
// are named in its report and its summary line — blank, hidden or, most
// important, holding data of their own — with how to load one; so a
// second year's sheet is never ignored silently.
func TestOtherSheetsReported(t *testing.T) {
	d := h.DB(t)
	platforms := func(name string) [][]any {
		return [][]any{{"平台名称", "级别", "区县", "共建时间"}, {name, "市级", "淄川区", "2021-03-01"}}
	}
	p := workbook(t, [][2]any{
		{"空表", [][]any{}},
		{"2023年", platforms("甲平台")},
		{"2022年", platforms("乙平台")},
		{"备用", platforms("丙平台")},
	}, "备用")
	rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p})
	if err != nil || rep.Sheet != "2023年" || rep.Accepted != 1 {
		t.Fatalf("load: %v %+v", err, rep)
	}
	want := []read.OtherSheet{{Name: "空表", State: read.SheetBlank}, {Name: "2022年"}, {Name: "备用", State: read.SheetHidden}}
	if !reflect.DeepEqual(rep.OtherSheets, want) {
		t.Fatalf("other sheets %+v, want %+v", rep.OtherSheets, want)
	}
	sum := rep.Summary()
	for _, frag := range []string{`other sheets not loaded: "空表" (空 blank), "2022年", "备用" (隐藏 hidden)`, "--sheet"} {
		if !strings.Contains(sum, frag) {
			t.Errorf("summary %q lacks %q", sum, frag)
		}
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms_current"); n != 1 {
		t.Fatalf("%d platforms loaded, want the first sheet's 1", n)
	}

	// A 说明 sheet in front: the kind cannot be told, and the error names
	// the sheets that may hold the data.
	p = workbook(t, [][2]any{{"说明", [][]any{{"本表由各区县科技局填报"}, {"请于每季度末报送"}}}, {"平台", platforms("丁平台")}})
	_, err = ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p})
	if err == nil || !strings.Contains(err.Error(), `other sheets not loaded: "平台"`) || !strings.Contains(err.Error(), "--sheet") {
		t.Fatalf("a notes sheet in front: %v", err)
	}
}
