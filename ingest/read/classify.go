package read

import "github.com/zibo-kj/corridor/vocab"

// classifier sorts the rows below the header into data and skipped rows
// as they come. Blank and total rows are skipped anywhere. Note rows are
// only recognised in the trailer, the run of rows after the last data row
// in which every row is blank, a total, note-like or single-valued, so a
// data row that happens to start with 注 (注册…) stays data. Rows that
// could belong to the trailer are held back until a row that cannot
// follows them (they were inside the table) or the input ends (they are
// the trailer), so a stream is sorted exactly as a whole table is.
type classifier struct {
	data      func(srcRow)  // a data row
	skip      func(Skipped) // a skipped row
	pending   []srcRow      // possible trailer rows, held back
	seenTotal bool          // a total row in the trailer
}

// push sorts one row, or holds it back.
func (c *classifier) push(r srcRow) {
	if trailerCandidate(r) {
		c.pending = append(c.pending, r.own())
		return
	}
	c.flush(false)
	c.data(r)
}

// flush decides the held-back rows: as the trailer when the input has
// ended, as rows inside the table otherwise.
func (c *classifier) flush(trailer bool) {
	for _, r := range c.pending {
		switch {
		case r.blank():
			c.skip(Skipped{Line: r.line, Reason: ReasonBlank})
		case vocab.IsTotalLabel(r.first()):
			c.skip(Skipped{Line: r.line, Reason: ReasonTotal, Text: r.text()})
			if trailer {
				c.seenTotal = true
			}
		case trailer && (isNoteRow(r) || c.seenTotal && len(r.distinct()) == 1):
			c.skip(Skipped{Line: r.line, Reason: ReasonNote, Text: r.text()})
		default:
			c.data(r)
		}
	}
	clear(c.pending)
	c.pending = c.pending[:0]
}

// finish ends the input: trailing blank rows are dropped unreported and the
// rest of the held-back rows form the trailer.
func (c *classifier) finish() {
	for len(c.pending) > 0 && c.pending[len(c.pending)-1].blank() {
		c.pending = c.pending[:len(c.pending)-1]
	}
	c.flush(true)
}

// classify sorts a whole table's rows below the header (see classifier).
func classify(rows []srcRow) (data []srcRow, skipped []Skipped) {
	c := classifier{data: func(r srcRow) { data = append(data, r) }, skip: func(s Skipped) { skipped = append(skipped, s) }}
	for _, r := range rows {
		c.push(r)
	}
	c.finish()
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
	return first == "" || one || vocab.IsTotalLabel(first) || vocab.IsNoteLabel(first) && !r.hasNumeric()
}

// isNoteRow: the first cell starts like a remark (注：, 填表人：, 审核：)
// and no cell is a bare number, so "审核中心 | 100" is not a note.
func isNoteRow(r srcRow) bool {
	return vocab.IsNoteLabel(r.first()) && !r.hasNumeric()
}
