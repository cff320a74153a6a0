package ingest_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"github.com/zibo-kj/corridor/ingest"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestFormatsThroughLoad: the same register as GB18030 CSV, tab-separated
// text, JSON, JSON Lines and XLSX loads the same rows through the one
// pipeline; an XLSX with a bad row and --skip-bad-rows loads the rest and
// writes the bad row (from a whole-table stream) to the rejects file.
func TestFormatsThroughLoad(t *testing.T) {
	ctx := context.Background()
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(platformsCSV)
	if err != nil {
		t.Fatal(err)
	}
	jsonRows := `[{"平台名称":"山大-淄博先进制造与人工智能研究院","级别":"市级","合作单位":"山大","区县":"张店区","共建时间":"2019年11月18日"},
{"平台名称":"山东大学淄博生物医药研究院","级别":"市级","合作单位":"山东大学","区县":"淄川","共建时间":"2020-05-20"},
{"平台名称":"济大-齐鲁陶瓷联合实验室","级别":"省级","合作单位":"济南大学、山东省科学院","区县":"博山区","共建时间":"2021/3/2"}]`
	jsonl := strings.Join(strings.Split(strings.Trim(jsonRows, "[]"), ",\n"), "\n") + "\n"
	files := map[string]string{
		"gbk.csv":  gbk,
		"tabs.tsv": strings.ReplaceAll(platformsCSV, ",", "\t"),
		"p.json":   jsonRows,
		"p.jsonl":  jsonl,
		"p.xlsx":   "",
	}
	for name, content := range files {
		d := h.DB(t)
		var p string
		if name == "p.xlsx" {
			p = writeXLSX(t, name, platformsCSV)
		} else {
			p = writeFile(t, name, content)
		}
		rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p, Kind: "platform"})
		if err != nil || rep.Accepted != 3 {
			t.Fatalf("%s: %+v %v", name, rep, err)
		}
		if n := count(t, d.Conn, "SELECT count() FROM platforms_current WHERE has(partners, '山东大学') AND district_code IN ('370303', '370302')"); n != 2 {
			t.Fatalf("%s: %d rows with 山东大学 in 张店/淄川, want 2", name, n)
		}
	}

	d := h.DB(t)
	bad := strings.Replace(platformsCSV, "淄川,2020-05-20", "淄州区,2020-05-20", 1)
	p := writeXLSX(t, "bad.xlsx", bad)
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p, SkipBadRows: true})
	if err != nil || rep.Accepted != 2 || rep.Rejected != 1 || rep.Errors[0].Line != 3 || rep.Errors[0].ColName != "F" {
		t.Fatalf("bad xlsx: %+v %v", rep, err)
	}
	f, err := os.Open(rep.RejectsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][0] != "3" || recs[1][4] != "山东大学淄博生物医药研究院" || recs[1][9] != "淄州区" {
		t.Fatalf("rejects: %q %v", recs, err)
	}
}

// writeXLSX writes CSV text as the first sheet of a workbook.
func writeXLSX(t *testing.T, name, csvText string) string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(csvText)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := make([]any, len(r))
		for j, v := range r {
			row[j] = v
		}
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}
