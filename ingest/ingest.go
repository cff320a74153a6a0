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
	"runtime"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/ingest/normalize"
	"github.com/zibo-kj/corridor/ingest/read"
)

// StatusFailed marks a load that stopped half-way; its rows stay invisible.
const StatusFailed = "failed"

// Options for one load.
type Options struct {
	Path        string             // input file
	Kind        string             // record kind code; "" detects it from the headers
	Sheet       string             // XLSX sheet by name or 1-based index
	SkipBadRows bool               // load the good rows, write the rejects beside the input
	DryRun      bool               // validate and report only
	Force       bool               // load even if the same file was loaded before
	Sample      bool               // mark the source as sample data (示例数据)
	LoadedBy    string             // who loads it
	Aliases     *normalize.Aliases // organisation aliases; nil uses the built-in ones
	Progress    func(done, total int)
}

// ErrRejected is returned when a file has errors and nothing was loaded.
var ErrRejected = errors.New("ingest: file rejected; nothing was loaded")

// Load reads, validates and loads one tabular file as one source. With
// errors and no SkipBadRows nothing is written. Rows become visible to
// readers only when the source commits, so an interrupted load shows nothing.
func Load(ctx context.Context, conn driver.Conn, o Options) (*Report, error) {
	if o.Aliases == nil {
		o.Aliases = normalize.DefaultAliases()
	}
	sum, err := fileSHA256(o.Path)
	if err != nil {
		return nil, err
	}
	tbl, err := read.ReadFile(o.Path, read.Options{Sheet: o.Sheet})
	if err != nil {
		return nil, err
	}
	m, err := mappingFor(tbl, o.Kind)
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", err, tbl.File)
	}
	rep := newReport(tbl, m, sum)
	recs := validateAll(tbl, m, o.Aliases, rep)
	if rep.Rejected > 0 && o.SkipBadRows && !o.DryRun {
		if rep.RejectsFile, err = writeRejects(o.Path, tbl, rep.Errors); err != nil {
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
	}
	if prev, err := findCommitted(ctx, conn, sum, m.Kind.Code, tbl.Sheet); err != nil {
		return rep, err
	} else if prev != nil && !o.Force {
		rep.Status, rep.SourceID = "already_loaded", prev.ID
		return rep, nil
	}
	return rep, commitLoad(ctx, conn, o, m.Kind, tbl, recs, rep)
}

func mappingFor(tbl *read.Table, kind string) (Mapping, error) {
	if kind == "" {
		return DetectKind(tbl.Headers)
	}
	k, ok := KindByCode(kind)
	if !ok {
		return Mapping{}, fmt.Errorf("ingest: unknown kind %q; want one of %s", kind, KindCodes())
	}
	return MapHeaders(k, tbl.Headers)
}

// validateAll converts every row, in parallel chunks (one validator and
// memo per worker), keeping the input order in the result and the report.
func validateAll(tbl *read.Table, m Mapping, al *normalize.Aliases, rep *Report) []Record {
	workers := min(runtime.GOMAXPROCS(0), 1+len(tbl.Rows)/20_000)
	type part struct {
		recs []Record
		errs [][]RowError
	}
	parts := make([]part, workers)
	chunk := (len(tbl.Rows) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, len(tbl.Rows))
		wg.Add(1)
		go func(p *part, rows []read.Row) {
			defer wg.Done()
			v := &validator{m: m, aliases: al, file: tbl.File, sheet: tbl.Sheet}
			p.recs = make([]Record, 0, len(rows))
			for _, row := range rows {
				rec, errs := v.convert(row)
				if len(errs) > 0 {
					p.errs = append(p.errs, errs)
					continue
				}
				p.recs = append(p.recs, rec)
			}
		}(&parts[w], tbl.Rows[lo:max(lo, hi)])
	}
	wg.Wait()
	recs := make([]Record, 0, len(tbl.Rows))
	for _, p := range parts {
		for _, e := range p.errs {
			rep.addErrors(e)
		}
		for _, rec := range p.recs {
			rep.noteRecord(rec)
		}
		recs = append(recs, p.recs...)
	}
	rep.Accepted = len(recs)
	return recs
}

// commitLoad writes the source as loading, the rows, then the source as
// committed; on failure it marks the source failed (best effort).
func commitLoad(ctx context.Context, conn driver.Conn, o Options, k Kind, tbl *read.Table, recs []Record, rep *Report) error {
	now := time.Now()
	version := uint64(now.UnixNano())
	src := Source{ID: NewSourceID(now), FileName: tbl.File, SHA256: rep.SHA256, Kind: k.Code, Format: tbl.Format, Sheet: tbl.Sheet,
		RowsAccepted: uint32(rep.Accepted), RowsRejected: uint32(rep.Rejected), RowsSkipped: uint32(rep.Skipped),
		PeriodFrom: rep.PeriodFrom, PeriodTo: rep.PeriodTo, LoadedBy: o.LoadedBy, LoadedAt: now, Status: StatusLoading, Version: version}
	if o.Sample {
		src.Sample = 1
	}
	rep.SourceID = src.ID
	if err := putSource(ctx, conn, src); err != nil {
		return err
	}
	progress := func(done int) {
		if o.Progress != nil {
			o.Progress(done, len(recs))
		}
	}
	if err := insertRecords(ctx, conn, k.Table, recs, src.ID, version, progress); err != nil {
		src.Status, src.Version, src.Note = StatusFailed, version+1, err.Error()
		_ = putSource(context.WithoutCancel(ctx), conn, src)
		return err
	}
	src.Status, src.Version = StatusCommitted, version+1
	if err := putSource(ctx, conn, src); err != nil {
		return err
	}
	rep.Status = "loaded"
	return nil
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
