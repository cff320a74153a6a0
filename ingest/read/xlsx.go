package read

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ReadXLSX reads one worksheet of an XLSX workbook (Excel or WPS) of size
// bytes from r. It reads the OOXML parts itself, streaming the worksheet
// XML, rather than through excelize: excelize's per-cell style and type
// lookups load the whole sheet and pad sparse rows, which a hostile file
// can turn into gigabytes (see the package documentation for the limits).
//
// The sheet is Options.Sheet or the first visible worksheet with data.
// Values: text as is; numbers as their stored decimal text ("1234.5", not
// the "1,234.50" a "#,##0.00" format shows), rounded to Excel's 15
// significant digits only when stored in exponent form or with binary
// noise; numbers whose format is a date or time as "2006-01-02",
// "15:04:05" or "2006-01-02 15:04:05"; a serial date without a date
// format stays a number ("44257"); formulas give their cached value;
// booleans TRUE/FALSE.
func ReadXLSX(r io.ReaderAt, size int64, name string, o Options) (*Table, error) {
	o = o.withDefaults()
	b, err := openBook(r, size, o.MaxCellBytes)
	if err != nil {
		return nil, withFile(err, name, "")
	}
	t, err := b.read(name, o)
	if err != nil {
		return nil, withFile(err, name, "")
	}
	return t, nil
}

// SheetNames lists an XLSX's sheets in workbook order, hidden ones
// included, for messages such as "no sheet X; sheets are: …".
func SheetNames(path string) ([]string, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, withFile(err, name, "")
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, withFile(err, name, "")
	}
	b, err := openBook(f, st.Size(), DefaultMaxCellBytes)
	if err != nil {
		return nil, withFile(err, name, "")
	}
	return b.sheetNames(), nil
}

// sheetNames lists every sheet's name.
func (b *book) sheetNames() []string {
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.name
	}
	return names
}

// read picks the sheet and builds its table.
func (b *book) read(name string, o Options) (*Table, error) {
	sst, err := b.readSharedStrings()
	if err != nil {
		return nil, err
	}
	kinds, err := b.readStyles()
	if err != nil {
		return nil, err
	}
	d := &sheetData{sst: sst, kinds: kinds, date1904: b.date1904, o: o}
	s, g, err := b.pickSheet(o.Sheet, d)
	if err != nil {
		return nil, err
	}
	t := &Table{File: name, Sheet: s.name, Format: FormatXLSX, OtherSheets: b.others(s.name)}
	if err := buildTable(g, t, o); err != nil {
		return nil, withFile(err, name, s.name)
	}
	return t, nil
}

// pickSheet reads the requested sheet, or the first visible worksheet
// that has a non-blank row (the first visible one if all are empty).
func (b *book) pickSheet(want string, d *sheetData) (sheetRef, *grid, error) {
	if want != "" {
		s, err := b.findSheet(want)
		if err != nil {
			return s, nil, err
		}
		g, err := b.readSheet(s, d)
		return s, g, sheetErr(err, s)
	}
	var first *sheetRef
	var firstGrid *grid
	for i := range b.sheets {
		s := b.sheets[i]
		if s.hidden || !s.worksheet {
			continue
		}
		g, err := b.readSheet(s, d)
		if err != nil {
			return s, nil, sheetErr(err, s)
		}
		if len(g.rows) > 0 {
			return s, g, nil
		}
		if b.blank == nil {
			b.blank = map[string]bool{}
		}
		b.blank[s.name] = true
		if first == nil {
			first, firstGrid = &s, g
		}
	}
	if first == nil {
		return sheetRef{}, nil, &Error{Msg: "workbook has no visible worksheet", Err: ErrNoSheet}
	}
	return *first, firstGrid, nil
}

// findSheet resolves Options.Sheet: exact name, then case-insensitive
// name (Excel treats names case-insensitively), then 1-based index.
func (b *book) findSheet(want string) (sheetRef, error) {
	for _, s := range b.sheets {
		if s.name == want {
			return b.checkWorksheet(s)
		}
	}
	for _, s := range b.sheets {
		if strings.EqualFold(s.name, want) {
			return b.checkWorksheet(s)
		}
	}
	if i, err := strconv.Atoi(want); err == nil && i >= 1 && i <= len(b.sheets) {
		return b.checkWorksheet(b.sheets[i-1])
	}
	return sheetRef{}, &Error{Msg: fmt.Sprintf("no sheet %q; sheets are: %s", want, strings.Join(b.sheetNames(), ", ")), Err: ErrNoSheet}
}

// checkWorksheet refuses chart and dialog sheets, which hold no cells.
func (b *book) checkWorksheet(s sheetRef) (sheetRef, error) {
	if !s.worksheet {
		return s, &Error{Sheet: s.name, Msg: "not a worksheet (chart or dialog sheet)", Err: ErrNoSheet}
	}
	return s, nil
}

// sheetErr adds the sheet name to a positioned error.
func sheetErr(err error, s sheetRef) error {
	if err == nil {
		return nil
	}
	return withFile(err, "", s.name)
}
