package read

import (
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

// Header detection limits; see the package documentation for the rule.
const (
	maxTitleRows    = 5
	maxHeaderRows   = 3
	titleLookahead  = 30 // rows inspected to decide whether the table has several columns
	maxLabelColumns = 3  // a "label：value" title row has at most this many cells
)

// headerSpan is the header's rows as indexes into the row slice, [start, end).
type headerSpan struct{ start, end int }

// detectHeader skips leading blank and title rows and finds the header
// rows. It looks at raw values (before merge propagation), because a title
// merged across the table would otherwise fill every column.
func detectHeader(rows []srcRow, merges []mergeRange, headerRows int) (headerSpan, []Skipped) {
	var skipped []Skipped
	i := 0
	for i < len(rows) && rows[i].blank() {
		skipped = append(skipped, Skipped{Line: rows[i].line, Reason: ReasonBlank})
		i++
	}
	multiCol := hasWideRow(rows[i:])
	for titles := 0; i < len(rows) && titles < maxTitleRows; i++ {
		r := rows[i]
		if r.blank() {
			skipped = append(skipped, Skipped{Line: r.line, Reason: ReasonBlank})
			continue
		}
		if !multiCol || !isTitleRow(r) {
			break
		}
		skipped = append(skipped, Skipped{Line: r.line, Reason: ReasonTitle, Text: r.text()})
		titles++
	}
	for i < len(rows) && rows[i].blank() { // blank rows after the last title
		skipped = append(skipped, Skipped{Line: rows[i].line, Reason: ReasonBlank})
		i++
	}
	if i >= len(rows) {
		return headerSpan{i, i}, skipped
	}
	if headerRows > 0 {
		return headerSpan{i, min(i+headerRows, len(rows))}, skipped
	}
	end := i + 1
	for end-i < maxHeaderRows && end < len(rows) && continuesHeader(rows[end-1], rows[end], merges) {
		end++
	}
	return headerSpan{i, end}, skipped
}

// hasWideRow reports whether some row among the first titleLookahead
// non-blank rows has two or more non-empty cells.
func hasWideRow(rows []srcRow) bool {
	seen := 0
	for _, r := range rows {
		n := r.nonEmpty()
		if n >= 2 {
			return true
		}
		if n > 0 {
			seen++
			if seen >= titleLookahead {
				return false
			}
		}
	}
	return false
}

// isTitleRow: one non-empty cell, or a few cells that all read
// "label：value" (填报单位：…, 单位：万元).
func isTitleRow(r srcRow) bool {
	n := r.nonEmpty()
	if n == 1 {
		return true
	}
	if n > maxLabelColumns {
		return false
	}
	for _, v := range r.cells {
		if c := clean(v); c != "" && !isLabelValue(c) {
			return false
		}
	}
	return true
}

// continuesHeader decides whether down is another header row under up.
func continuesHeader(up, down srcRow, merges []mergeRange) bool {
	if down.blank() || down.hasNumeric() || vocab.IsTotalLabel(down.first()) {
		return false
	}
	return subHeaders(up, down) || mergedAcross(up.line, down.line, merges)
}

// subHeaders is rule (a): a column blank above and filled below, whose
// nearest filled cell to the left above (the group label) also has a
// sub-header below it, as in 资金 | (blank) over 财政 | 自筹.
func subHeaders(up, down srcRow) bool {
	label := -1
	for j := range down.cells {
		switch {
		case up.filled(j):
			label = j
		case down.filled(j) && label >= 0 && down.filled(label):
			return true
		}
	}
	return false
}

// mergedAcross is rule (b): a merged range covers both adjacent rows.
func mergedAcross(upLine, downLine int, merges []mergeRange) bool {
	if downLine != upLine+1 {
		return false
	}
	for _, m := range merges {
		if m.r1 <= upLine && m.r2 >= downLine {
			return true
		}
	}
	return false
}

// buildHeaders names each column from the (merge-propagated) header rows:
// group labels are carried right (see spreadGroups), parts are
// normalised, empty and repeated parts dropped, and the rest joined with
// "/".
func buildHeaders(hrows []srcRow, width int) []string {
	grid := make([][]string, len(hrows))
	for k, r := range hrows {
		grid[k] = make([]string, width)
		for j := range width {
			grid[k][j] = normalizeHeader(r.cell(j))
		}
	}
	spreadGroups(grid)
	headers := make([]string, width)
	for j := range width {
		var parts []string
		for k := range grid {
			p := grid[k][j]
			if p != "" && !contains(parts, p) {
				parts = append(parts, p)
			}
		}
		headers[j] = strings.Join(parts, "/")
	}
	return headers
}

// spreadGroups carries each group label in an upper header row right over
// the blank cells after it, as long as those columns have a sub-header in
// some lower header row; a blank column with nothing below ends the
// group. This names unmerged (CSV) group headers like merged ones.
func spreadGroups(grid [][]string) {
	for k := 0; k+1 < len(grid); k++ {
		label := ""
		for j := range grid[k] {
			switch {
			case grid[k][j] != "":
				label = grid[k][j]
			case label != "" && filledBelow(grid, k, j):
				grid[k][j] = label
			default:
				label = ""
			}
		}
	}
}

// filledBelow reports whether any header row below k names column j.
func filledBelow(grid [][]string, k, j int) bool {
	for _, row := range grid[k+1:] {
		if row[j] != "" {
			return true
		}
	}
	return false
}

// contains reports whether s is in list.
func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
