package ingest

import (
	"context"
	"fmt"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/ingest/read"
)

// loader is one load between its chunks: what the report has counted so
// far, and the writer once the first clean rows are on their way.
type loader struct {
	ctx      context.Context
	conn     driver.Conn
	o        Options
	l        *layout
	src      Source
	prev     *Source // a committed load of the same file, if any
	replace  *Source // the load this one replaces whole (Options.Replace), if any
	rep      *Report
	mayWrite bool // rows may be sent: not a dry run, not already loaded, no rejected row yet (without SkipBadRows)
	w        *writer
	bad      []read.Row
	progress func(rows int)
	share    func() float64 // the part of the input read so far
	keys     *keyIndex      // natural keys seen so far
	conflict bool           // two rows share a natural key: the file is refused even with SkipBadRows
}

// take counts a converted chunk and sends its rows, starting the writer on
// the first; a rejected row (without SkipBadRows) rolls back what was sent
// and stops writing.
func (ld *loader) take(c *chunk) error {
	ld.rep.addChunk(c)
	ld.bad = append(ld.bad, c.bad...)
	ld.keys.add(c, ld.share())
	if ld.rep.Rejected > 0 && !ld.o.SkipBadRows {
		if ld.w != nil {
			ld.w.rollback(ld.ctx)
			ld.w = nil
		}
		ld.mayWrite = false
	}
	if !ld.mayWrite || c.rows == 0 {
		return nil
	}
	if ld.w == nil {
		var err error
		if ld.w, err = startWriter(ld.ctx, ld.conn, ld.l, ld.src, ld.progress); err != nil {
			return err
		}
	}
	return ld.w.write(c)
}

// finish ends a load whose rows have all been read: the rejects file, the
// outcome, and the commit that makes the rows visible.
// headers are those of the rows converted (a wide table's unpivoted ones).
func (ld *loader) finish(st *read.Stream, headers []string) (*Report, error) {
	rep, o := ld.rep, ld.o
	if rep.Rows == 0 { // a header and nothing under it: refused, not recorded as an empty load
		rep.addErrors([]RowError{noDataRows(rep, st.HeaderLines)})
		rep.Rejected, rep.Status = 0, "rejected"
		return rep, ErrRejected
	}
	if dups := ld.keys.duplicates(); len(dups) > 0 {
		// Which of two rows with one key is right cannot be told, so
		// skipping one would be a guess: the whole file is refused, and
		// what was sent is taken back.
		for _, e := range dups {
			rep.addErrors([]RowError{e})
			rep.Accepted--
		}
		ld.conflict, ld.mayWrite = true, false
		if ld.w != nil {
			ld.w.rollback(ld.ctx)
			ld.w = nil
		}
	}
	var err error
	if rep.Rejected > 0 && o.SkipBadRows && !o.DryRun && !ld.conflict {
		if rep.RejectsFile, err = writeRejects(o.Path, headers, ld.bad, rep.Errors); err != nil {
			if ld.w != nil {
				ld.w.fail(ld.ctx, err)
			}
			return rep, err
		}
	}
	switch {
	case o.DryRun:
		rep.Status = "dry_run"
		return rep, nil
	case ld.conflict || rep.Rejected > 0 && !o.SkipBadRows:
		rep.Status = "rejected"
		return rep, ErrRejected
	case !ld.mayWrite:
		rep.Status, rep.SourceID = "already_loaded", ld.prev.ID
		return rep, nil
	}
	if ld.w == nil { // no accepted rows: the load is still recorded
		if ld.w, err = startWriter(ld.ctx, ld.conn, ld.l, ld.src, ld.progress); err != nil {
			return rep, err
		}
	}
	src := ld.src
	src.RowsAccepted, src.RowsRejected, src.RowsSkipped = uint32(rep.Accepted), uint32(rep.Rejected), uint32(rep.Skipped)
	src.PeriodFrom, src.PeriodTo = rep.PeriodFrom, rep.PeriodTo
	if ld.replace != nil {
		src.Note = fmt.Sprintf("replaces load %s (%s)", ld.replace.ID, ld.replace.FileName)
	}
	if err := ld.w.commit(ld.ctx, src, ld.replace); err != nil {
		return rep, err
	}
	rep.Status, rep.SourceID = "loaded", src.ID
	return rep, nil
}
