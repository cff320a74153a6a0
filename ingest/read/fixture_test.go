package read

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// reportFixture builds the kind of workbook a district sends: a hidden
// sheet and an empty sheet before the real one, a merged title row, a
// "label：value" row, a two-row header with merged group and vertical
// cells, a district merged over three rows, a blank row, dates with and
// without a date format, a "#,##0.00" number, binary-noise floats, a
// formula with a cached value, a total row and two note rows.
func reportFixture(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "说明"))
	must(f.SetCellStr("说明", "A1", "这是隐藏的说明页"))
	must(f.SetCellStr("说明", "B1", "不应被读取"))
	_, err := f.NewSheet("空表")
	must(err)
	const s = "统计表"
	_, err = f.NewSheet(s)
	must(err)

	set := func(cell string, v any) { t.Helper(); must(f.SetCellValue(s, cell, v)) }
	merge := func(a, b string) { t.Helper(); must(f.MergeCell(s, a, b)) }
	style := func(st *excelize.Style) int { t.Helper(); id, err := f.NewStyle(st); must(err); return id }
	isoDate := "yyyy-mm-dd"
	dateTime := "yyyy/m/d h:mm"
	money := "#,##0.00"
	dateStyle := style(&excelize.Style{CustomNumFmt: &isoDate})
	dateTimeStyle := style(&excelize.Style{CustomNumFmt: &dateTime})
	cnDateStyle := style(&excelize.Style{NumFmt: 31}) // yyyy"年"m"月"d"日"
	moneyStyle := style(&excelize.Style{CustomNumFmt: &money})

	set("A1", "2021年淄博市共建平台统计表")
	merge("A1", "H1")
	set("A2", "填报单位：淄博市科技局")
	set("G2", "单位：万元")
	for _, c := range []struct{ cell, v, end string }{
		{"A3", "序号", "A4"}, {"B3", "区　县", "B4"}, {"C3", "平台名称", "C4"},
		{"D3", "资金", "E3"}, {"F3", "成立日期", "F4"}, {"G3", "批复日期", "G4"}, {"H3", "备注", "H4"},
	} {
		set(c.cell, c.v)
		merge(c.cell, c.end)
	}
	set("D4", "财政资金（万元）")
	set("E4", "自筹资金\n（万元）")

	set("A5", 1)
	set("B5", "张店区")
	merge("B5", "B7")
	set("C5", "平台A")
	set("D5", 1234.5)
	must(f.SetCellStyle(s, "D5", "D5", moneyStyle))
	set("E5", 200)
	set("F5", 44257)
	must(f.SetCellStyle(s, "F5", "F5", dateStyle))
	set("G5", 44257) // a serial date without a date format stays a number

	set("A6", 2)
	set("C6", "平台B")
	noisy := 0.1
	set("D6", noisy+0.2) // 0.30000000000000004
	set("E6", 1e-7)
	set("F6", 44287)
	must(f.SetCellStyle(s, "F6", "F6", cnDateStyle))
	must(f.SetCellStr(s, "G6", "44287")) // text stays text even in a date column
	must(f.SetCellStyle(s, "G6", "G6", dateStyle))
	set("H6", "含\n换行")

	set("A7", 3)
	set("C7", "平台C")
	set("D7", 300)
	set("E7", 50)
	set("F7", 44562.5)
	must(f.SetCellStyle(s, "F7", "F7", dateTimeStyle))
	set("H7", true)

	// row 8 blank
	set("A9", 4)
	set("B9", "淄川区")
	set("C9", "平台D")
	set("D9", 10)
	must(f.SetCellFormula(s, "E9", "D9*2"))
	set("E9", 20) // cached value of the formula
	must(f.SetCellFormula(s, "E9", "D9*2"))

	set("A10", "合　计")
	merge("A10", "C10")
	set("D10", 1544.8)
	set("E10", 270)

	set("A11", "注：1. 资金单位为万元。")
	merge("A11", "H11")
	set("A12", "填表人：张三")
	set("E12", "联系电话：0533-1234567")

	f.SetActiveSheet(2)
	must(f.SetSheetVisible("说明", false)) // excelize keeps the active sheet visible
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}
