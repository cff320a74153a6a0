package read

// classify sorts the rows below the header into data and skipped rows.
// Blank and total rows are skipped anywhere. Note rows are only
// recognised in the trailer, the run of rows after the last data row in
// which every row is blank, a total, note-like or single-valued, so a
// data row that happens to start with 注 (注册…) stays data.
func classify(rows []srcRow) (data []srcRow, skipped []Skipped) {
	trailer := len(rows)
	for trailer > 0 && trailerCandidate(rows[trailer-1]) {
		trailer--
	}
	seenTotal := false
	for i, r := range rows {
		switch {
		case r.blank():
			skipped = append(skipped, Skipped{Line: r.line, Reason: ReasonBlank})
		case IsTotal(r.first()):
			skipped = append(skipped, Skipped{Line: r.line, Reason: ReasonTotal, Text: r.text()})
			if i >= trailer {
				seenTotal = true
			}
		case i >= trailer && (isNoteRow(r) || seenTotal && len(r.distinct()) == 1):
			skipped = append(skipped, Skipped{Line: r.line, Reason: ReasonNote, Text: r.text()})
		default:
			data = append(data, r)
		}
	}
	return data, skipped
}

// trailerCandidate reports rows that may sit below the table.
// It is asked of every row of a streamed file, so it cleans each cell once:
// blank, one distinct value, a total label or a note.
func trailerCandidate(r srcRow) bool {
	first, one := "", true
	for _, v := range r.cells {
		c := clean(v)
		switch {
		case c == "":
		case first == "":
			first = c
		case c != first:
			one = false
		}
	}
	return first == "" || one || IsTotal(first) || isNoteText(first) && !r.hasNumeric()
}

// isNoteRow: the first cell starts like a remark (注：, 填表人：, 审核：)
// and no cell is a bare number, so "审核中心 | 100" is not a note.
func isNoteRow(r srcRow) bool {
	return isNoteText(r.first()) && !r.hasNumeric()
}
