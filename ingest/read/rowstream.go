package read

import (
	"io"
	"sync"
)

// rowSource yields source rows in line order, io.EOF at the end. A row's
// cells may be overwritten by the next call (see srcRow.own).
type rowSource func() (srcRow, error)

// own returns the row with cells of its own, for rows kept past the next
// read.
func (r srcRow) own() srcRow {
	r.cells = append([]string(nil), r.cells...)
	return r
}

// rowStream applies header detection and row classification (see
// classifier) to a source as it streams.
type rowStream struct {
	classifier
	src      rowSource
	chunk    int
	width    int
	names    []string
	colName  func(int) string
	cur      *[]Row // the chunk being filled
	done     bool
	maxWidth int // widest data row handed out
	rows     int // source rows after the header, trailing blanks excluded
	slab     []Cell
	free     chan *rowBuf // released chunks, for reuse
	mu       sync.Mutex
	out      map[*Row]*rowBuf // chunks handed out, by their first row
}

// openRowStream reads the header window from src, detects the header and
// returns a stream positioned at the first row after it.
func openRowStream(src rowSource, s *Stream, o Options, colName func(int) string) (*rowStream, error) {
	var prefix []srcRow
	nonBlank, eof := 0, false
	for nonBlank < headerWindow {
		r, err := src()
		if err == io.EOF {
			eof = true
			break
		}
		if err != nil {
			return nil, err
		}
		if !r.blank() {
			nonBlank++
		}
		prefix = append(prefix, r.own())
	}
	if eof { // as buildTable: trailing blank rows are dropped, not reported
		for len(prefix) > 0 && prefix[len(prefix)-1].blank() {
			prefix = prefix[:len(prefix)-1]
		}
	}
	rs := &rowStream{src: src, chunk: o.chunkRows(), colName: colName, free: make(chan *rowBuf, 8), out: map[*Row]*rowBuf{}}
	for _, r := range prefix {
		rs.width = max(rs.width, len(r.cells))
	}
	s.HeaderLines, s.Headers, s.skipped = []int{}, []string{}, []Skipped{}
	span, skipped := detectHeader(prefix, nil, o.HeaderRows)
	s.skipped = append(s.skipped, skipped...)
	if span.start >= len(prefix) {
		rs.done = true
		return rs, nil
	}
	for _, r := range prefix[span.start:span.end] {
		s.HeaderLines = append(s.HeaderLines, r.line)
	}
	s.Headers = buildHeaders(prefix[span.start:span.end], rs.width)
	rs.names = make([]string, rs.width)
	for j := range rs.names {
		rs.names[j] = colName(j + 1)
	}
	rs.rows = span.end
	rs.classifier.data = func(r srcRow) {
		rs.rows++
		*rs.cur = append(*rs.cur, rs.row(r))
	}
	rs.classifier.skip = func(sk Skipped) {
		rs.rows++
		s.skipped = append(s.skipped, sk)
	}
	rest := prefix[span.end:]
	s.next = func() ([]Row, error) { return rs.nextChunk(s, rest, eof) }
	s.release = rs.release
	return rs, nil
}

// nextChunk classifies source rows until a chunk of data rows is ready;
// first holds the rows read with the header window (used once).
func (rs *rowStream) nextChunk(s *Stream, first []srcRow, windowEOF bool) ([]Row, error) {
	if rs.done {
		return nil, io.EOF
	}
	buf := rs.takeBuf()
	rs.slab = buf.cells
	out := buf.rows[:0]
	defer func() {
		if len(out) > 0 && cap(out) == cap(buf.rows) && &out[:1][0] == &buf.rows[:1][0] {
			buf.rows = out
			rs.lend(buf, out)
		}
	}()
	rs.cur = &out
	if first != nil {
		for _, r := range first {
			rs.push(r)
		}
		s.next = func() ([]Row, error) { return rs.nextChunk(s, nil, false) }
		if windowEOF {
			rs.finish()
			rs.done = true
			return rs.result(out)
		}
	}
	for len(out) < rs.chunk {
		r, err := rs.src()
		if err == io.EOF {
			rs.finish()
			rs.done = true
			break
		}
		if err != nil { // with the file named: s.next is no longer StreamCSV's wrapper
			return nil, withFile(err, s.File, s.Sheet)
		}
		rs.push(r)
	}
	return rs.result(out)
}

// result returns a chunk, or io.EOF for an empty one at the end.
func (rs *rowStream) result(out []Row) ([]Row, error) {
	if len(out) == 0 && rs.done {
		return nil, io.EOF
	}
	return out, nil
}

// row turns a source row into a data row with one cell per column (more
// when the row is wider than the header); cells come from the chunk's
// slab, or new memory once it is used up.
func (rs *rowStream) row(r srcRow) Row {
	n := max(rs.width, len(r.cells))
	rs.maxWidth = max(rs.maxWidth, n)
	if len(rs.slab) < n {
		rs.slab = make([]Cell, max(n, rs.width*256))
	}
	cells := rs.slab[:n:n]
	rs.slab = rs.slab[n:]
	for j := range cells {
		cells[j] = Cell{Value: r.cell(j), Col: j + 1, ColName: rs.name(j)}
	}
	return Row{Line: r.line, Cells: cells}
}

// name is column j's display name.
func (rs *rowStream) name(j int) string {
	if j < len(rs.names) {
		return rs.names[j]
	}
	return rs.colName(j + 1)
}
