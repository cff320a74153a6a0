package ingest

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/zibo-kj/corridor/ingest/read"
)

// stop ends a load whose file could not be read to the end. A file the
// reader refuses (mixed encodings, a broken quote, a size limit) is a
// rejected file like one with bad cells: what was sent is deleted, and the
// reader's error is listed in the report as a row error, so the clerk sees
// where and what to fix. Anything else (the engine, a cancelled load)
// marks the load failed; its rows stay invisible.
func (ld *loader) stop(err error, headers []string) (*Report, error) {
	var re *read.Error
	if errors.As(err, &re) && (errors.Is(err, read.ErrFormat) || errors.Is(err, read.ErrLimit)) {
		if ld.w != nil {
			ld.w.rollback(ld.ctx)
			ld.w = nil
		}
		e := rowErrorOf(re, headers)
		if e.File == "" {
			e.File, e.Sheet = ld.rep.File, ld.rep.Sheet
		}
		ld.rep.addErrors([]RowError{e})
		ld.rep.Status = "rejected"
		return ld.rep, fmt.Errorf("%w: %w", ErrRejected, err)
	}
	if ld.w != nil {
		ld.w.fail(ld.ctx, err)
	}
	ld.rep.Status = StatusFailed
	return ld.rep, err
}

// refuseOpen turns a file the reader refuses while opening it (in its
// first rows) into a rejected load's report; nothing was written yet.
func refuseOpen(err error, path, sum string) (*Report, error) {
	var re *read.Error
	if !errors.As(err, &re) || !(errors.Is(err, read.ErrFormat) || errors.Is(err, read.ErrLimit)) {
		return nil, err
	}
	rep := &Report{File: re.File, Sheet: re.Sheet, SHA256: sum, Status: "rejected"}
	if rep.File == "" {
		rep.File = filepath.Base(path)
	}
	rep.addErrors([]RowError{rowErrorOf(re, nil)})
	return rep, fmt.Errorf("%w: %w", ErrRejected, err)
}

// rowErrorOf turns a reader's positioned error into a report line.
func rowErrorOf(e *read.Error, headers []string) RowError {
	re := RowError{File: e.File, Sheet: e.Sheet, Line: e.Line, Col: e.Col, ColName: e.ColName, Value: e.Value, Msg: e.Msg}
	if re.Msg == "" && e.Err != nil {
		re.Msg = e.Err.Error()
	}
	if e.ColName != "" && e.Col > 0 && e.Col <= len(headers) { // a syntax error's Col counts bytes
		re.Header = headers[e.Col-1]
	}
	return re
}
