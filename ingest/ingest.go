package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/ingest/normalize"
	"github.com/zibo-kj/corridor/ingest/read"
)

// StatusFailed marks a load that stopped half-way; its rows stay invisible.
const StatusFailed = "failed"

// Options for one load.
type Options struct {
	Path        string                        // input file
	Kind        string                        // record kind code; "" detects it from the headers
	Sheet       string                        // XLSX sheet by name or 1-based index
	SkipBadRows bool                          // load the good rows, write the rejects beside the input
	DryRun      bool                          // validate and report only
	Force       bool                          // load even if the same file was loaded before
	Sample      bool                          // mark the source as sample data (示例数据)
	LoadedBy    string                        // who loads it
	Aliases     *normalize.Aliases            // organisation aliases; nil uses the built-in ones
	Progress    func(rows int, share float64) // rows sent so far and the share of the input read
}

// ErrRejected is returned when a file has errors and nothing was loaded.
var ErrRejected = errors.New("ingest: file rejected; nothing was loaded")

// Load reads, validates and loads one tabular file as one source. With
// errors and no SkipBadRows nothing is written. Rows become visible to
// readers only when the source commits, so an interrupted load shows nothing.
//
// The file streams through: a reader goroutine reads ahead, workers convert
// chunks of rows into column buffers, and the rows of a clean file go to
// the engine as one INSERT while the rest is still being read. Should a
// later row turn out bad (without SkipBadRows), what was sent is rolled
// back and the file is rejected as a whole.
func Load(ctx context.Context, conn driver.Conn, o Options) (*Report, error) {
	if o.Aliases == nil {
		o.Aliases = normalize.DefaultAliases()
	}
	sum, err := fileSHA256(o.Path)
	if err != nil {
		return nil, err
	}
	st, err := read.OpenFile(o.Path, read.Options{Sheet: o.Sheet})
	if err != nil {
		return nil, err
	}
	defer st.Close()
	m, err := mappingFor(st.Headers, o.Kind)
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", err, st.File)
	}
	l, err := layoutOf(ctx, conn, m.Kind.Table)
	if err != nil {
		return nil, err
	}
	l = l.only(filledColumns(m))
	rep := newReport(st, m, sum)
	var prev *Source
	if !o.DryRun {
		if prev, err = findCommitted(ctx, conn, sum, m.Kind.Code, st.Sheet); err != nil {
			return rep, err
		}
	}
	now := time.Now()
	src := Source{ID: NewSourceID(now), FileName: st.File, SHA256: sum, Kind: m.Kind.Code, Format: st.Format, Sheet: st.Sheet,
		LoadedBy: o.LoadedBy, LoadedAt: now, Version: uint64(now.UnixNano())}
	if o.Sample {
		src.Sample = 1
	}
	progress := func(rows int) {
		if o.Progress != nil {
			o.Progress(rows, st.Progress())
		}
	}
	mayWrite := !o.DryRun && (prev == nil || o.Force)
	var w *writer
	var bad []read.Row
	p := &pipeline{stream: st, layout: l, stamp: newStamp(src.ID, src.Version), keepBad: o.SkipBadRows && !o.DryRun,
		newV: func() *validator { return newValidator(m, l, o.Aliases, st.File, st.Sheet) }}
	err = p.run(ctx, func(c *chunk) error {
		rep.addChunk(c)
		bad = append(bad, c.bad...)
		if rep.Rejected > 0 && !o.SkipBadRows {
			if w != nil {
				w.rollback(ctx)
				w = nil
			}
			mayWrite = false
		}
		if !mayWrite || c.rows == 0 {
			return nil
		}
		if w == nil {
			var err error
			if w, err = startWriter(ctx, conn, l, src, progress); err != nil {
				return err
			}
		}
		return w.write(c)
	})
	if err != nil {
		if w != nil {
			w.fail(ctx, err)
		}
		rep.Status = StatusFailed
		return rep, err
	}
	rep.Skips = st.Skipped()
	rep.Skipped = len(rep.Skips)
	if rep.Rejected > 0 && o.SkipBadRows && !o.DryRun {
		if rep.RejectsFile, err = writeRejects(o.Path, st.Headers, bad, rep.Errors); err != nil {
			if w != nil {
				w.fail(ctx, err)
			}
			return rep, err
		}
	}
	switch {
	case o.DryRun:
		rep.Status = "dry_run"
		return rep, nil
	case rep.Rejected > 0 && !o.SkipBadRows:
		rep.Status = "rejected"
		return rep, ErrRejected
	case !mayWrite:
		rep.Status, rep.SourceID = "already_loaded", prev.ID
		return rep, nil
	}
	if w == nil { // no accepted rows: the load is still recorded
		if w, err = startWriter(ctx, conn, l, src, progress); err != nil {
			return rep, err
		}
	}
	src.RowsAccepted, src.RowsRejected, src.RowsSkipped = uint32(rep.Accepted), uint32(rep.Rejected), uint32(rep.Skipped)
	src.PeriodFrom, src.PeriodTo = rep.PeriodFrom, rep.PeriodTo
	if err := w.commit(ctx, src); err != nil {
		return rep, err
	}
	rep.Status, rep.SourceID = "loaded", src.ID
	return rep, nil
}

// layoutOf reads a table's columns and checks ingest can fill them all.
func layoutOf(ctx context.Context, conn driver.Conn, table string) (*layout, error) {
	cols, err := columnsOf(ctx, conn, table)
	if err != nil {
		return nil, err
	}
	l := newLayout(table, cols)
	if _, err := l.newBufs(0); err != nil {
		return nil, err
	}
	return l, nil
}

func mappingFor(headers []string, kind string) (Mapping, error) {
	if kind == "" {
		return DetectKind(headers)
	}
	k, ok := KindByCode(kind)
	if !ok {
		return Mapping{}, fmt.Errorf("ingest: unknown kind %q; want one of %s", kind, KindCodes())
	}
	return MapHeaders(k, headers)
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("ingest: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("ingest: read %s: %w", filepath.Base(path), err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
