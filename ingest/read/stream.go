package read

import (
	"io"
	"strconv"
	"sync/atomic"
)

// DefaultChunkRows is how many data rows Stream.Next hands out at a time.
const DefaultChunkRows = 16_384

// headerWindow is how many non-blank rows a stream reads before it detects
// the header: more than header detection ever inspects (titleLookahead,
// maxTitleRows, maxHeaderRows), so the result is the same as on the whole
// table.
const headerWindow = 64

// Stream hands out a table's data rows a chunk at a time, in source order.
// A CSV is read as it streams, holding the header window, one chunk and the
// rows that might turn out to be a trailer (notes or totals below the
// table); other formats are read whole by their reader and handed out in
// chunks. The header fields are set when the stream is opened; Skipped is
// complete once Next has returned io.EOF.
type Stream struct {
	File        string
	Sheet       string
	Format      string
	Encoding    string
	HeaderLines []int
	Headers     []string
	OtherSheets []OtherSheet // a workbook's sheets not read (see Table)

	next     func() ([]Row, error)
	release  func([]Row)
	skipped  []Skipped
	progress func() float64
	close    func() error
}

// Next returns the next chunk of data rows, or io.EOF after the last. The
// rows stay valid after later calls until they are released.
func (s *Stream) Next() ([]Row, error) { return s.next() }

// Release hands back a chunk from Next once the caller is done with its
// rows and cells, so the stream can reuse their memory for a later chunk.
// Calling it is optional; the rows must not be used afterwards.
func (s *Stream) Release(rows []Row) {
	if s.release != nil && len(rows) > 0 {
		s.release(rows)
	}
}

// Skipped lists the rows left out so far, in source order for each phase
// (before the header, then after it).
func (s *Stream) Skipped() []Skipped { return s.skipped }

// Progress is the share of the input consumed so far, from 0 to 1.
func (s *Stream) Progress() float64 {
	if s.progress == nil {
		return 0
	}
	return s.progress()
}

// Close releases the input.
func (s *Stream) Close() error {
	if s.close == nil {
		return nil
	}
	return s.close()
}

// TableStream hands out an already read table's rows in chunks.
func TableStream(t *Table, chunk int) *Stream {
	if chunk <= 0 {
		chunk = DefaultChunkRows
	}
	s := &Stream{File: t.File, Sheet: t.Sheet, Format: t.Format, Encoding: t.Encoding,
		HeaderLines: t.HeaderLines, Headers: t.Headers, OtherSheets: t.OtherSheets, skipped: t.Skipped}
	var pos atomic.Int64 // Progress may be asked from another goroutine
	s.next = func() ([]Row, error) {
		p := int(pos.Load())
		if p >= len(t.Rows) {
			return nil, io.EOF
		}
		end := min(p+chunk, len(t.Rows))
		pos.Store(int64(end))
		return t.Rows[p:end], nil
	}
	s.progress = func() float64 {
		if len(t.Rows) == 0 {
			return 1
		}
		return float64(pos.Load()) / float64(len(t.Rows))
	}
	return s
}

// chunkRows is the stream chunk size (DefaultChunkRows unless set).
func (o Options) chunkRows() int {
	if o.ChunkRows > 0 {
		return o.ChunkRows
	}
	return DefaultChunkRows
}

// collect reads a whole stream into a table, widening the header to the
// widest row as the whole-table reader does.
func collect(s *Stream, rs *rowStream, o Options) (*Table, error) {
	t := &Table{File: s.File, Sheet: s.Sheet, Format: s.Format, Encoding: s.Encoding,
		HeaderLines: s.HeaderLines, Headers: s.Headers, Rows: []Row{}}
	for {
		rows, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		t.Rows = append(t.Rows, rows...)
	}
	t.Skipped = s.Skipped()
	if rs == nil || len(t.Headers) == 0 {
		return t, nil
	}
	width := max(rs.width, rs.maxWidth)
	if rs.rows > 0 && width > o.MaxCells/rs.rows {
		return nil, limitErr(0, "", "table of "+strconv.Itoa(rs.rows)+" rows × "+strconv.Itoa(width)+" columns exceeds "+strconv.Itoa(o.MaxCells)+" cells")
	}
	for len(t.Headers) < width {
		t.Headers = append(t.Headers, "")
	}
	for i, r := range t.Rows {
		for j := len(r.Cells); j < width; j++ {
			t.Rows[i].Cells = append(t.Rows[i].Cells, Cell{Col: j + 1, ColName: rs.name(j)})
		}
	}
	return t, nil
}
