package read

import (
	"fmt"
	"sort"
)

// propagateMerges copies the top-left value of every merged range into
// each cell the range covers, so a 区县 merged over three rows appears in
// all three and a group header appears over each of its columns. Ranges
// are clipped to the rows present and to width, so a hostile
// A1:XFD1048576 costs nothing beyond the table; the cells written in all
// are bounded by maxCells.
func propagateMerges(rows []srcRow, merges []mergeRange, width, maxCells int) error {
	written := 0
	for _, m := range merges {
		c2 := min(m.c2, width)
		if m.c1 < 1 || m.c1 > c2 {
			continue
		}
		top := sort.Search(len(rows), func(i int) bool { return rows[i].line >= m.r1 })
		if top == len(rows) || rows[top].line != m.r1 {
			continue
		}
		v := rows[top].cell(m.c1 - 1)
		if clean(v) == "" {
			continue
		}
		for i := top; i < len(rows) && rows[i].line <= m.r2; i++ {
			written += c2 - m.c1 + 1
			if written > maxCells {
				return limitErr(0, "", fmt.Sprintf("merged ranges cover more than %d cells", maxCells))
			}
			fillRange(&rows[i], m.c1, c2, v)
		}
	}
	return nil
}

// fillRange sets columns c1..c2 (1-based) of r to v, growing the row.
func fillRange(r *srcRow, c1, c2 int, v string) {
	if len(r.cells) < c2 {
		grown := make([]string, c2)
		copy(grown, r.cells)
		r.cells = grown
	}
	for c := c1; c <= c2; c++ {
		r.cells[c-1] = v
	}
}
