package ingest

import (
	"fmt"
	"strings"

	"github.com/zibo-kj/corridor/ingest/read"
	"github.com/zibo-kj/corridor/vocab"
)

// ExtraColumn is an input column that matches no field. Its cells are kept
// with their row as extra attributes (the table's extra column) under Name;
// a serial-number column's row numbers are left out.
type ExtraColumn struct {
	Index  int    // 0-based input column
	Name   string // the header as written; 列F for a column without one
	Serial bool   // 序号 and the like: cells that are row numbers are not data
}

// planExtra decides what becomes of the columns that match no field, from
// their headers and the first rows of data (first, possibly none): serial
// numbers are skipped, everything else is kept. Names are made unique, so
// no cell overwrites another.
func planExtra(m *Mapping, first []read.Row) {
	m.Extra = nil
	taken := map[string]bool{}
	for _, c := range m.Columns {
		if c.Field != nil {
			continue
		}
		x := ExtraColumn{Index: c.Index, Name: strings.TrimSpace(c.Header)}
		switch vocab.SerialHeader(c.Header) {
		case vocab.SerialColumn:
			x.Serial = true
		case vocab.SerialIfCounting:
			x.Serial = counts(first, c.Index)
		}
		if x.Name == "" {
			x.Name = columnName(c.Index)
		}
		if taken[x.Name] {
			x.Name = fmt.Sprintf("%s（%s）", x.Name, columnName(c.Index))
		}
		taken[x.Name] = true
		m.Extra = append(m.Extra, x)
	}
}

// counts reports whether column col of rows holds 1, 2, 3 … (blanks
// allowed): row numbers, not identifiers.
func counts(rows []read.Row, col int) bool {
	want := 1
	for _, r := range rows {
		if col >= len(r.Cells) || strings.TrimSpace(r.Cells[col].Value) == "" {
			continue
		}
		if n, ok := vocab.RowNumber(r.Cells[col].Value); !ok || n != want {
			return false
		}
		want++
	}
	return want > 1
}

// keepExtra gathers the cells of a row that fill no field into the extra
// column: the planned columns, and cells right of the header (a row wider
// than the rows the header was read from). Empty cells are not stored.
func (v *validator) keepExtra(row read.Row, vals []any) {
	at := v.l.extraAt
	if at < 0 {
		return
	}
	var a *attrs
	keep := func(name, s string, col int) {
		if a == nil {
			a = &attrs{}
		}
		a.add(name, s, col)
	}
	for _, x := range v.m.Extra {
		if x.Index >= len(row.Cells) {
			continue
		}
		s := strings.TrimSpace(row.Cells[x.Index].Value)
		if s == "" || x.Serial && isRowNumber(s) {
			continue
		}
		keep(x.Name, s, x.Index)
	}
	for j := len(v.m.Columns); j < len(row.Cells); j++ {
		if s := strings.TrimSpace(row.Cells[j].Value); s != "" {
			keep(columnName(j), s, j)
		}
	}
	if a != nil {
		vals[at] = a
	}
}

// isRowNumber reports whether a serial column's cell is a row number.
func isRowNumber(s string) bool {
	_, ok := vocab.RowNumber(s)
	return ok
}

// columnName names a column without a header by its letter as spreadsheets
// show it, in every format: 列A, 列F, 列AB.
func columnName(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return "列" + string(b)
}
