package ingest

import (
	"slices"
	"time"

	"github.com/zibo-kj/corridor/ingest/read"
)

// chunk is a run of converted rows in column buffers, ready to insert,
// with what the report needs from them.
type chunk struct {
	bufs     []colBuf
	rows     int          // accepted rows in bufs
	seen     int          // data rows converted
	errs     [][]RowError // per rejected row
	bad      []read.Row   // rejected rows, kept for the rejects file
	approx   int
	from, to time.Time
	kept     []bool // per input column: some accepted row kept a cell of it as an extra attribute

	// Per accepted row, its natural key and line, for the duplicate-key
	// check (dupkey.go); keyColName is how the reader names the key's column.
	keys       []rowHash
	lines      []int
	keyColName string
}

// stamp holds a load's constant columns, boxed once for every row.
type stamp struct {
	source  any      // source_id
	version any      // version
	seeds   keySeeds // of the natural keys' hashes
}

func newStamp(sourceID string, version uint64) stamp {
	return stamp{source: sourceID, version: version, seeds: newKeySeeds()}
}

// newChunk makes an empty chunk for n rows of the layout's table.
func newChunk(l *layout, n int) (*chunk, error) {
	bufs, err := l.newBufs(n)
	if err != nil {
		return nil, err
	}
	return &chunk{bufs: bufs}, nil
}

// reset empties a chunk for reuse, keeping its buffers.
func (c *chunk) reset() {
	for _, b := range c.bufs {
		b.reset()
	}
	*c = chunk{bufs: c.bufs, keys: c.keys[:0], lines: c.lines[:0]}
}

// add appends one converted row (vals indexed like the layout's columns).
func (c *chunk) add(l *layout, vals []any, line int, approx bool, st stamp) {
	if l.sourceAt >= 0 {
		vals[l.sourceAt] = st.source
	}
	if l.versionAt >= 0 {
		vals[l.versionAt] = st.version
	}
	for i, b := range c.bufs {
		if i == l.lineAt {
			if lb, ok := b.(*typedBuf[uint32]); ok { // no boxing for the one value every row has
				lb.v = append(lb.v, uint32(line))
				continue
			}
			vals[i] = uint32(line)
		}
		b.add(vals[i])
	}
	c.rows++
	if approx {
		c.approx++
	}
	if l.extraAt >= 0 {
		if a, ok := vals[l.extraAt].(*attrs); ok {
			c.kept = markColumns(c.kept, a.col)
		}
	}
	for _, at := range l.periodAt {
		t, ok := vals[at].(time.Time)
		if !ok {
			continue
		}
		if c.from.IsZero() || t.Before(c.from) {
			c.from = t
		}
		if c.to.IsZero() || t.After(c.to) {
			c.to = t
		}
	}
}

// convertRows converts rows into c; rejected rows are kept when keepBad.
func (v *validator) convertRows(rows []read.Row, c *chunk, vals []any, st stamp, keepBad bool) {
	for _, row := range rows {
		c.seen++
		approx, errs := v.convert(row, vals)
		if errs != nil {
			c.errs = append(c.errs, errs)
			if keepBad { // the row's memory goes back to the stream: keep a copy
				c.bad = append(c.bad, read.Row{Line: row.Line, Cells: slices.Clone(row.Cells)})
			}
			continue
		}
		c.add(v.l, vals, row.Line, approx, st)
		v.keys.add(c, row, vals, st.seeds)
	}
}
