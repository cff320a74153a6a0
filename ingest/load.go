package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
)

// flushRows is how many rows wait in one insert stream before they go to
// the engine as a block: large enough for the engine's throughput, small
// enough to bound client memory.
const flushRows = 1 << 15

// insertStreams is how many INSERTs a load runs side by side, chunks
// dealt to them in turn. The engine gathers each INSERT's blocks into
// large parts and writes them when the INSERT ends; with two, that last
// write runs on two threads instead of one.
const insertStreams = 2

// insertSettings apply to the load's INSERTs. LowCardinality columns are
// sent as plain strings and encoded by the engine, which is several times
// cheaper than building dictionaries row by row in the driver.
var insertSettings = clickhouse.Settings{"low_cardinality_allow_in_native_format": 0}

// writer streams a load's rows into its table while the file is still
// being read. The source row is written first as loading and last as
// committed; until then readers see none of the rows.
type writer struct {
	conn     driver.Conn
	l        *layout
	src      Source
	streams  []*insertStream
	turn     int // next stream to take a chunk
	written  int // rows flushed
	progress func(rows int)
}

// insertStream is one open INSERT and the rows waiting in it.
type insertStream struct {
	batch   driver.Batch
	pending int
}

// startWriter records the source as loading and opens the INSERTs.
func startWriter(ctx context.Context, conn driver.Conn, l *layout, src Source, progress func(int)) (*writer, error) {
	src.Status = StatusLoading
	if err := putSource(ctx, conn, src); err != nil {
		return nil, err
	}
	q := insertSQL(l.table, l.cols)
	w := &writer{conn: conn, l: l, src: src, progress: progress}
	for range insertStreams {
		b, err := conn.PrepareBatch(clickhouse.Context(ctx, clickhouse.WithSettings(insertSettings)), q)
		if err != nil {
			err = fmt.Errorf("ingest: insert into %s: %w", l.table, chsql.Wrap(err))
			w.fail(ctx, err)
			return nil, err
		}
		w.streams = append(w.streams, &insertStream{batch: b})
	}
	return w, nil
}

// write appends a chunk's columns to the next stream and flushes that
// stream's block when enough rows are waiting.
func (w *writer) write(c *chunk) error {
	if c.rows == 0 {
		return nil
	}
	s := w.streams[w.turn]
	w.turn = (w.turn + 1) % len(w.streams)
	for i, b := range c.bufs {
		if err := s.batch.Column(i).Append(b.values()); err != nil {
			return fmt.Errorf("ingest: insert into %s column %s: %w", w.l.table, w.l.cols[i].name, err)
		}
	}
	s.pending += c.rows
	if s.pending < flushRows {
		return nil
	}
	if err := s.batch.Flush(); err != nil {
		return fmt.Errorf("ingest: insert into %s: %w", w.l.table, chsql.Wrap(err))
	}
	w.written += s.pending
	s.pending = 0
	if w.progress != nil {
		w.progress(w.written)
	}
	return nil
}

// commit ends the INSERTs (side by side: each waits for the engine to
// write its parts) and marks the source committed with the final counts:
// from then on readers see the rows.
// With a replaced load (--replace), its row marking it replaced goes in the
// same INSERT as the commit.
func (w *writer) commit(ctx context.Context, final Source, replaced *Source) error {
	errs := make([]error, len(w.streams))
	var wg sync.WaitGroup
	for i, s := range w.streams {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.batch.Send(); err != nil {
				errs[i] = fmt.Errorf("ingest: insert into %s: %w", w.l.table, chsql.Wrap(err))
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		w.fail(ctx, err)
		return err
	}
	for _, s := range w.streams {
		w.written += s.pending
		s.pending = 0
	}
	if w.progress != nil {
		w.progress(w.written)
	}
	final.Status, final.Version = StatusCommitted, w.src.Version+1
	if replaced == nil {
		return putSource(ctx, w.conn, final)
	}
	return putSource(ctx, w.conn, final, replacedVersion(*replaced, final.ID, final.Version))
}

// abort abandons the open INSERTs.
func (w *writer) abort() {
	for _, s := range w.streams {
		_ = s.batch.Abort()
	}
	w.streams = nil
}

// fail ends the INSERTs and marks the source failed (best effort: if the
// engine is gone the source stays "loading", which readers ignore too).
func (w *writer) fail(ctx context.Context, cause error) {
	w.abort()
	s := w.src
	s.Status, s.Version, s.Note = StatusFailed, w.src.Version+1, cause.Error()
	_ = putSource(context.WithoutCancel(ctx), w.conn, s)
}

// rollback undoes a load that turned out to be rejected after its first
// rows were sent: the INSERTs are abandoned and their rows and the source
// row deleted, so a rejected file leaves nothing behind. Should a delete
// fail, the source is marked failed and its rows stay invisible.
func (w *writer) rollback(ctx context.Context) {
	w.abort()
	ctx = context.WithoutCancel(ctx)
	settings := clickhouse.Context(ctx, clickhouse.WithSettings(clickhouse.Settings{"mutations_sync": 1}))
	rows, err := chsql.Query("ingest.DeleteLoadRows")
	if err == nil {
		err = w.conn.Exec(settings, rows, clickhouse.Named("table", w.l.table), clickhouse.Named("source_id", w.src.ID))
	}
	if err == nil {
		var src string
		if src, err = chsql.Query("ingest.DeleteSource"); err == nil {
			err = w.conn.Exec(settings, src, clickhouse.Named("source_id", w.src.ID))
		}
	}
	if err != nil {
		w.fail(ctx, fmt.Errorf("ingest: rejected; rollback incomplete: %w", chsql.Wrap(err)))
	}
}
