package read

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// Worksheet bounds from the file format.
const (
	maxSheetRows = 1 << 20
	maxSheetCols = 1 << 14 // XFD
)

// sheetData is what reading one worksheet needs from the rest of the book.
type sheetData struct {
	sst      []string
	kinds    []numKind
	date1904 bool
	o        Options
}

// sheetParser streams one worksheet's XML into a grid. Values are kept
// raw except for the rendering numbers and dates need (see cellValue).
type sheetParser struct {
	d       *sheetData
	g       *grid
	line    int      // current row number
	lastRow int      // last row number seen
	scratch []string // cells of the current row, reused
	cells   int      // cells kept so far, for MaxCells
	width   int      // widest row so far

	inCell, inV, inIS, inT bool
	phoneticAt, depth      int
	col                    int // current cell's column, 1-based
	typ                    string
	style                  int
	text                   strings.Builder
}

// readSheet streams the worksheet at entry path into a grid.
func (b *book) readSheet(s sheetRef, d *sheetData) (*grid, error) {
	f := b.file(s.path)
	if f == nil {
		return nil, &Error{Msg: fmt.Sprintf("sheet %q has no worksheet part %q", s.name, s.path), Err: ErrFormat}
	}
	p := &sheetParser{d: d, g: &grid{colName: columnName}}
	if err := walkXML(f, b.runLimit, p.token); err != nil {
		return nil, err
	}
	return p.g, nil
}

// token handles one XML token of the worksheet.
func (p *sheetParser) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		p.depth++
		return p.start(t)
	case xml.EndElement:
		err := p.end(t.Name.Local)
		if p.depth == p.phoneticAt {
			p.phoneticAt = 0
		}
		p.depth--
		return err
	case xml.CharData:
		if p.inV || p.inT && p.phoneticAt == 0 {
			p.text.Write(t)
			if p.text.Len() > 8*p.d.o.MaxCellBytes { // loose bound: _xHHHH_ escapes shrink 7:1 later
				return p.cellLimit(p.text.String())
			}
		}
	}
	return nil
}

// start handles an opening tag.
func (p *sheetParser) start(se xml.StartElement) error {
	switch se.Name.Local {
	case "row":
		return p.startRow(se)
	case "c":
		return p.startCell(se)
	case "v":
		p.inV = p.inCell
	case "is":
		p.inIS = p.inCell
	case "t":
		p.inT = p.inIS
	case "rPh":
		if p.phoneticAt == 0 {
			p.phoneticAt = p.depth
		}
	case "mergeCell":
		if m, ok := parseRange(attr(se, "ref")); ok {
			p.g.merges = append(p.g.merges, m)
		}
	}
	return nil
}

// end handles a closing tag.
func (p *sheetParser) end(local string) error {
	switch local {
	case "row":
		return p.endRow()
	case "c":
		return p.endCell()
	case "v":
		p.inV = false
	case "is":
		p.inIS = false
	case "t":
		p.inT = false
	}
	return nil
}

// startRow begins a <row>; rows without r follow the previous one.
func (p *sheetParser) startRow(se xml.StartElement) error {
	n, ok := intAttr(se, "r")
	if !ok {
		n = p.lastRow + 1
	}
	if n < 1 || n > maxSheetRows || n <= p.lastRow {
		return &Error{Line: n, Msg: fmt.Sprintf("row number %d out of order (previous %d)", n, p.lastRow), Err: ErrFormat}
	}
	if n > p.d.o.MaxRows {
		return limitErr(n, "", fmt.Sprintf("more than %d rows", p.d.o.MaxRows))
	}
	p.line, p.lastRow, p.col = n, n, 0
	p.scratch = p.scratch[:0]
	return nil
}

// startCell begins a <c>; cells without r follow the previous one.
func (p *sheetParser) startCell(se xml.StartElement) error {
	col := p.col + 1
	if ref := attr(se, "r"); ref != "" {
		c, ok := refColumn(ref)
		if !ok {
			return &Error{Line: p.line, Value: ref, Msg: "bad cell reference", Err: ErrFormat}
		}
		col = c
	}
	if col > maxSheetCols {
		return &Error{Line: p.line, Col: col, Msg: "column beyond XFD", Err: ErrFormat}
	}
	p.inCell, p.col, p.typ = true, col, attr(se, "t")
	p.style, _ = intAttr(se, "s")
	p.text.Reset()
	return nil
}

// endCell resolves the cell's value and stores it in the current row.
func (p *sheetParser) endCell() error {
	p.inCell, p.inV, p.inIS, p.inT = false, false, false, false
	v, err := p.d.cellValue(p.typ, p.style, p.text.String())
	if err != nil {
		return &Error{Line: p.line, Col: p.col, ColName: columnName(p.col), Msg: err.Error(), Err: ErrFormat}
	}
	if len(v) > p.d.o.MaxCellBytes {
		return p.cellLimit(v)
	}
	if v == "" {
		return nil
	}
	for len(p.scratch) < p.col {
		p.scratch = append(p.scratch, "")
	}
	p.scratch[p.col-1] = v
	return nil
}

// cellLimit reports a cell over MaxCellBytes.
func (p *sheetParser) cellLimit(v string) error {
	return &Error{Line: p.line, Col: p.col, ColName: columnName(p.col), Value: v,
		Msg: fmt.Sprintf("cell longer than %d bytes", p.d.o.MaxCellBytes), Err: ErrLimit}
}

// endRow keeps a non-blank row, first adding blank rows for the row
// numbers the sheet skipped, so blank rows inside the table are reported.
// Blank rows at the end are never stored: WPS writes thousands of styled
// empty rows.
func (p *sheetParser) endRow() error {
	cells := trimCells(p.scratch)
	if len(cells) == 0 {
		return nil
	}
	p.cells += len(cells)
	p.width = max(p.width, len(cells))
	next := 1
	if n := len(p.g.rows); n > 0 {
		next = p.g.rows[n-1].line + 1
	}
	// The table will span at least every row up to this one at the widest
	// width seen: refuse before storing the blank rows of a sparse sheet
	// such as A1 plus XFD1048576.
	span := p.line // rows are stored from row 1 on
	if p.cells > p.d.o.MaxCells || p.width > p.d.o.MaxCells/span {
		return limitErr(p.line, "", fmt.Sprintf("table of %d rows × %d columns exceeds %d cells", span, p.width, p.d.o.MaxCells))
	}
	for ; next < p.line; next++ {
		p.g.rows = append(p.g.rows, srcRow{line: next})
	}
	p.g.rows = append(p.g.rows, srcRow{line: p.line, cells: append([]string(nil), cells...)})
	return nil
}

// cellValue renders a cell's stored value: shared and inline strings as
// text, booleans as TRUE/FALSE, error values as written (#DIV/0!), formula
// results from their cached value, numbers as plain decimals, and numbers
// with a date or time format as ISO text.
func (d *sheetData) cellValue(typ string, style int, v string) (string, error) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(d.sst) {
			return "", fmt.Errorf("shared string index %q out of range (%d strings)", v, len(d.sst))
		}
		return d.sst[i], nil
	case "inlineStr", "str":
		return unescapeOOXML(v), nil
	case "b":
		switch strings.TrimSpace(v) {
		case "1":
			return "TRUE", nil
		case "0":
			return "FALSE", nil
		}
		return v, nil
	case "e":
		return v, nil
	case "d":
		return renderISO(v, d.kind(style)), nil
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	if k := d.kind(style); k != kindNumber {
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			if s, ok := renderSerial(f, k, d.date1904); ok {
				return s, nil
			}
		}
	}
	return normalizeNumber(v), nil
}

// kind is the number-format kind of a cell format index.
func (d *sheetData) kind(style int) numKind {
	if style >= 0 && style < len(d.kinds) {
		return d.kinds[style]
	}
	return kindNumber
}

// refColumn parses the column of a cell reference such as "AB12".
func refColumn(ref string) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > maxSheetCols {
			return 0, false
		}
	}
	if i == 0 {
		return 0, false
	}
	return col, true
}

// refCoords parses "AB12" into column and row.
func refCoords(ref string) (col, row int, ok bool) {
	col, ok = refColumn(ref)
	if !ok {
		return 0, 0, false
	}
	i := strings.IndexFunc(ref, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return 0, 0, false
	}
	row, err := strconv.Atoi(strings.ReplaceAll(ref[i:], "$", ""))
	if err != nil || row < 1 || row > maxSheetRows {
		return 0, 0, false
	}
	return col, row, true
}

// parseRange parses "A1:C3" into a normalised merged range.
func parseRange(ref string) (mergeRange, bool) {
	a, b, ok := strings.Cut(strings.ReplaceAll(ref, "$", ""), ":")
	if !ok {
		return mergeRange{}, false
	}
	c1, r1, ok1 := refCoords(a)
	c2, r2, ok2 := refCoords(b)
	if !ok1 || !ok2 {
		return mergeRange{}, false
	}
	return mergeRange{r1: min(r1, r2), c1: min(c1, c2), r2: max(r1, r2), c2: max(c1, c2)}, true
}

// ColumnName turns a 1-based column number into letters, as a spreadsheet
// names its columns: 1 → A, 28 → AB. CSV columns are named the same way,
// so an error names the column alike whether the file was saved as CSV or XLSX.
func ColumnName(col int) string { return columnName(col) }

// columnName turns a 1-based column number into letters: 1 → A, 28 → AB.
func columnName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append(b, byte('A'+col%26))
		col /= 26
	}
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}
