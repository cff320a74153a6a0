package read

import (
	"fmt"
	"strings"
)

// srcRow is one source row before header detection: its 1-based line and
// its raw cell values, with trailing empty cells trimmed.
type srcRow struct {
	line  int
	cells []string
}

// cell returns the raw value at 0-based column j, "" past the end.
func (r srcRow) cell(j int) string {
	if j < len(r.cells) {
		return r.cells[j]
	}
	return ""
}

// filled reports whether column j holds more than white space.
func (r srcRow) filled(j int) bool { return clean(r.cell(j)) != "" }

// nonEmpty counts the cells that hold more than white space.
func (r srcRow) nonEmpty() int {
	n := 0
	for _, v := range r.cells {
		if clean(v) != "" {
			n++
		}
	}
	return n
}

// blank reports a row without any text.
func (r srcRow) blank() bool { return r.nonEmpty() == 0 }

// first returns the first non-empty cell, "" for a blank row.
func (r srcRow) first() string {
	for _, v := range r.cells {
		if c := clean(v); c != "" {
			return c
		}
	}
	return ""
}

// distinct returns the distinct non-empty values in column order; merged
// cells make the same value repeat across a row.
func (r srcRow) distinct() []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range r.cells {
		c := clean(v)
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// text is the Skipped.Text of a row.
func (r srcRow) text() string { return strings.Join(r.distinct(), " ") }

// hasNumeric reports whether any cell reads as a number.
func (r srcRow) hasNumeric() bool {
	for _, v := range r.cells {
		if isNumeric(v) {
			return true
		}
	}
	return false
}

// trimCells drops trailing cells without text, so stray spaces or styled
// empty cells do not widen the table.
func trimCells(cells []string) []string {
	n := len(cells)
	for n > 0 && clean(cells[n-1]) == "" {
		n--
	}
	return cells[:n]
}

// mergeRange is a merged XLSX range, 1-based and inclusive; rows are
// source row numbers.
type mergeRange struct{ r1, c1, r2, c2 int }

// grid is what a format reader hands to the shared table builder.
type grid struct {
	rows    []srcRow // ordered by line
	merges  []mergeRange
	colName func(col int) string // 1-based column to its display name
}

// buildTable runs header detection, merge propagation and row
// classification over g and fills t.
func buildTable(g *grid, t *Table, o Options) error {
	rows := g.rows
	for len(rows) > 0 && rows[len(rows)-1].blank() {
		rows = rows[:len(rows)-1]
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r.cells))
	}
	if len(rows) > 0 && width > o.MaxCells/len(rows) {
		return limitErr(0, "", fmt.Sprintf("table of %d rows × %d columns exceeds %d cells", len(rows), width, o.MaxCells))
	}
	t.HeaderLines, t.Headers, t.Rows, t.Skipped = []int{}, []string{}, []Row{}, []Skipped{}
	span, skipped := detectHeader(rows, g.merges, o.HeaderRows)
	t.Skipped = append(t.Skipped, skipped...)
	if span.start >= len(rows) {
		return nil
	}
	if err := propagateMerges(rows, g.merges, width, o.MaxCells); err != nil {
		return err
	}
	for _, r := range rows[span.start:span.end] {
		t.HeaderLines = append(t.HeaderLines, r.line)
	}
	t.Headers = buildHeaders(rows[span.start:span.end], width)
	names := make([]string, width)
	for j := range names {
		names[j] = g.colName(j + 1)
	}
	data, skipped := classify(rows[span.end:])
	t.Skipped = append(t.Skipped, skipped...)
	t.Rows = make([]Row, 0, len(data))
	for _, r := range data {
		cells := make([]Cell, width)
		for j := range cells {
			cells[j] = Cell{Value: r.cell(j), Col: j + 1, ColName: names[j]}
		}
		t.Rows = append(t.Rows, Row{Line: r.line, Cells: cells})
	}
	return nil
}
