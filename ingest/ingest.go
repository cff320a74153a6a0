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
	"github.com/zibo-kj/corridor/ingest/read"
	"github.com/zibo-kj/corridor/vocab"
)

// StatusFailed marks a load that stopped half-way; its rows stay invisible.
const StatusFailed = "failed"

// Options for one load.
type Options struct {
	Path        string         // input file
	Kind        string         // record kind code; "" detects it from the headers
	Sheet       string         // XLSX sheet by name or 1-based index
	SkipBadRows bool           // load the good rows, write the rejects beside the input
	DryRun      bool           // validate and report only
	Force       bool           // load even if the same file was loaded before
	Sample      bool           // mark the source as sample data (示例数据)
	LoadedBy    string         // who loads it
	Aliases     *vocab.Aliases // organisation aliases; nil uses the built-in ones
	District    string         // district (name or area code) of a sheet without a district column; overrides its title, sheet and file name
	HomeCity    string         // city whose zone a bare 高新区 is; "" is vocab.DefaultHomeCity
	// MetricUnit says in which unit a metric (code or name) is measured,
	// for refusing a target whose unit does not fit it; nil checks nothing
	// (ingest does not know the analytics catalog: the caller passes it).
	MetricUnit func(metric string) (unit string, known bool)
	Progress   func(rows int, share float64) // rows sent so far and the share of the input read
	// Replace is the id of a committed load of the same kind that this
	// file replaces whole: when this load commits, that one's rows are
	// withdrawn in the same write, so a key corrected or a row left out in
	// the new file does not leave the old row current. "" replaces nothing.
	Replace string
}

// ErrRejected is returned when a file has errors and nothing was loaded.
var ErrRejected = errors.New("ingest: file rejected; nothing was loaded")

// Load reads, validates and loads one tabular file as one source. With
// errors and no SkipBadRows nothing is written. Rows become visible to
// readers only when the source commits, so an interrupted load shows nothing.
//
// The file streams through: a reader goroutine reads ahead, workers convert
// chunks of rows into column buffers, and the rows of a clean file go to
// the engine while the rest is still being read. Should a later row turn
// out bad (without SkipBadRows), what was sent is rolled back and the file
// is rejected as a whole.
func Load(ctx context.Context, conn driver.Conn, o Options) (*Report, error) {
	if o.Aliases == nil {
		o.Aliases = vocab.DefaultAliases()
	}
	sum, err := fileSHA256(o.Path)
	if err != nil {
		return nil, err
	}
	st, err := read.OpenFile(o.Path, read.Options{Sheet: o.Sheet})
	if err != nil {
		return refuseOpen(err, o.Path, sum)
	}
	defer st.Close()
	if len(st.Headers) == 0 {
		return refuseEmpty(o.Path, sum, st)
	}
	sh, err := shape(st, o)
	if err != nil {
		return nil, withOtherSheets(err, st.OtherSheets)
	}
	m := sh.m
	// Whether 编号 counts rows is read from the data (a wide table's serial
	// columns were set aside by its plan). A read error comes back again from
	// the stream's first Next and fails the load there.
	var first []read.Row
	if sh.wide == nil {
		first, _ = st.Peek()
	}
	planExtra(&m, first)
	l, err := layoutOf(ctx, conn, m.Kind.Table)
	if err != nil {
		return nil, err
	}
	l = l.only(filledColumns(m))
	ld := &loader{ctx: ctx, conn: conn, o: o, l: l, rep: newReport(st, m, sum), keys: newKeyIndex(m, l, st.File, st.Sheet)}
	ld.rep.Notes = sh.notes
	if o.Replace != "" {
		if ld.replace, err = replaceTarget(ctx, conn, o.Replace, m.Kind.Code, st.File); err != nil {
			return ld.rep, err
		}
		ld.rep.Replaces = o.Replace
	}
	if !o.DryRun {
		if ld.prev, err = findCommitted(ctx, conn, sum, m.Kind.Code, st.Sheet); err != nil {
			return ld.rep, err
		}
	}
	now := time.Now()
	ld.src = Source{ID: NewSourceID(now), FileName: st.File, SHA256: sum, Kind: m.Kind.Code, Format: st.Format, Sheet: st.Sheet,
		LoadedBy: o.LoadedBy, LoadedAt: now, Version: uint64(now.UnixNano())}
	if o.Sample {
		ld.src.Sample = 1
	}
	ld.mayWrite = !o.DryRun && (ld.prev == nil || o.Force || ld.replace != nil)
	ld.share = st.Progress
	ld.progress = func(rows int) {
		if o.Progress != nil {
			o.Progress(rows, st.Progress())
		}
	}
	p := &pipeline{stream: sh.rows, layout: l, stamp: newStamp(ld.src.ID, ld.src.Version), keepBad: o.SkipBadRows && !o.DryRun,
		newV: func() *validator {
			v := newValidator(m, l, o.Aliases, st.File, st.Sheet)
			v.metricUnit = o.MetricUnit
			v.places = sh.places
			return v
		}}
	if err := p.run(ctx, ld.take); err != nil {
		return ld.stop(err, st.Headers)
	}
	ld.rep.Skips = st.Skipped()
	ld.rep.Skipped = len(ld.rep.Skips)
	ld.rep.nameColumns(m)
	ld.rep.Notes = append(ld.rep.Notes, sh.doneNotes()...)
	return ld.finish(st, sh.headers)
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
