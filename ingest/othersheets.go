package ingest

import (
	"fmt"
	"strings"

	"github.com/zibo-kj/corridor/ingest/read"
)

// otherSheetsLine says which sheets of a workbook were not loaded, and
// how to load one, so that a second sheet of data is never ignored
// silently; "" when the file has no other sheet.
func otherSheetsLine(others []read.OtherSheet) string {
	if len(others) == 0 {
		return ""
	}
	names := make([]string, len(others))
	mayHoldData := false
	for i, o := range others {
		names[i] = fmt.Sprintf("%q", o.Name)
		switch o.State {
		case read.SheetBlank:
			names[i] += " (空 blank)"
		case read.SheetNotCells:
			names[i] += " (图表 chart)"
		case read.SheetHidden:
			names[i] += " (隐藏 hidden)"
			mayHoldData = true
		default:
			mayHoldData = true
		}
	}
	line := "其他工作表未导入 other sheets not loaded: " + strings.Join(names, ", ")
	if mayHoldData {
		line += " — 如需导入请用 --sheet 工作表名 load one with --sheet NAME"
	}
	return line
}

// withOtherSheets adds the workbook's other sheets to an error that stops
// a load before its report exists (a sheet whose kind cannot be told, most
// often a 说明 sheet in front of the data).
func withOtherSheets(err error, others []read.OtherSheet) error {
	if line := otherSheetsLine(others); line != "" {
		return fmt.Errorf("%w; %s", err, line)
	}
	return err
}
