package read

// OtherSheet is a sheet of a workbook that was not read, and what is known
// of it without reading it.
type OtherSheet struct {
	Name  string `json:"name"`
	State string `json:"state,omitempty"` // SheetHidden, SheetNotCells, SheetBlank, or "" (not looked into: it may hold data)
}

// States of a sheet not read.
const (
	SheetHidden   = "hidden"    // hidden in the workbook
	SheetNotCells = "not_cells" // a chart or dialog sheet: no cells to load
	SheetBlank    = "blank"     // read while picking the sheet, and found without data
)

// others lists the workbook's sheets other than the one read, in workbook
// order.
func (b *book) others(read string) []OtherSheet {
	var out []OtherSheet
	for _, s := range b.sheets {
		if s.name == read {
			continue
		}
		o := OtherSheet{Name: s.name}
		switch {
		case !s.worksheet:
			o.State = SheetNotCells
		case s.hidden:
			o.State = SheetHidden
		case b.blank[s.name]:
			o.State = SheetBlank
		}
		out = append(out, o)
	}
	return out
}
