package ingest

import (
	"fmt"
	"strings"
)

// nameColumns lists, once every row is read, what became of the columns
// that match no field: kept as extra attributes, skipped as serial
// numbers, or empty in every row. A column with neither header nor value
// is not worth a line.
func (r *Report) nameColumns(m Mapping) {
	kept := func(i int) bool { return i < len(r.kept) && r.kept[i] }
	for _, x := range m.Extra {
		switch {
		case x.Serial:
			r.Serial = append(r.Serial, x.Name)
			if kept(x.Index) { // cells that were no row number are kept
				r.Extra = append(r.Extra, x.Name)
			}
		case kept(x.Index):
			r.Extra = append(r.Extra, x.Name)
		case strings.TrimSpace(m.Columns[x.Index].Header) != "":
			r.Empty = append(r.Empty, x.Name)
		}
	}
	for j := len(m.Columns); j < len(r.kept); j++ {
		if r.kept[j] {
			r.Extra = append(r.Extra, columnName(j))
		}
	}
}

// columnsSummary adds those lists to the summary line, zh-CN first.
func (r *Report) columnsSummary(b *strings.Builder) {
	if len(r.Extra) > 0 {
		fmt.Fprintf(b, "; 保留为附加属性 kept as extra attributes %s", quoteList(r.Extra))
	}
	if len(r.Serial) > 0 {
		fmt.Fprintf(b, "; 序号列，已跳过 serial numbers skipped %s", quoteList(r.Serial))
	}
	if len(r.Empty) > 0 {
		fmt.Fprintf(b, "; 空列，无内容 empty columns %s", quoteList(r.Empty))
	}
}

// markColumns sets cols in a per-column flag list, growing it as needed.
func markColumns(flags []bool, cols []int) []bool {
	for _, c := range cols {
		if c < 0 {
			continue
		}
		for len(flags) <= c {
			flags = append(flags, false)
		}
		flags[c] = true
	}
	return flags
}
