package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/ingest/textx"
	"github.com/zibo-kj/corridor/vocab"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TextOptions configure loading a policy text.
type TextOptions struct {
	Path      string
	HomePlace string // the author's place for 我市 (default 淄博市)
	LoadedBy  string
	Force     bool
	Aliases   *vocab.Aliases
	// Date is the document's date when the text states none of its own
	// (--date); zero means the text's 日期 line, heading or signature.
	Date vocab.Period
}

// maxTextBytes bounds a policy text (a long report is a few hundred KB).
const maxTextBytes = 8 << 20

// IsText reports whether a file is a policy text rather than a table.
func IsText(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text", ".md":
		return true
	}
	return false
}

// LoadText extracts every stated figure of a policy text as a candidate
// observation with status "needs review" and the sentence as evidence.
// Candidates count nowhere until accepted (see Review).
func LoadText(ctx context.Context, conn driver.Conn, o TextOptions) (*Report, error) {
	text, err := readText(o.Path)
	if err != nil {
		return nil, err
	}
	if o.HomePlace == "" {
		o.HomePlace = vocab.DefaultHomeCity
	}
	sum, err := fileSHA256(o.Path)
	if err != nil {
		return nil, err
	}
	rep := &Report{File: filepath.Base(o.Path), Format: "text", Kind: "text", SHA256: sum}
	if prev, err := findCommitted(ctx, conn, sum, "text", ""); err != nil {
		return rep, err
	} else if prev != nil && !o.Force {
		rep.Status, rep.SourceID = "already_loaded", prev.ID
		return rep, nil
	}
	cands := textx.Extract(text, o.extractOptions())
	l, err := layoutOf(ctx, conn, "observations")
	if err != nil {
		return rep, err
	}
	c, err := newChunk(l, len(cands))
	if err != nil {
		return rep, err
	}
	now := time.Now()
	src := Source{ID: NewSourceID(now), FileName: rep.File, SHA256: sum, Kind: "text", Format: "text", // texts are their own kind; the rows go to observations
		LoadedBy: o.LoadedBy, LoadedAt: now, Version: uint64(now.UnixNano())}
	st := newStamp(src.ID, src.Version)
	vals := make([]any, len(l.cols))
	for i, cand := range cands {
		rec := candidateRecord(cand, i)
		for j, col := range l.cols {
			vals[j] = rec.Values[col.name]
		}
		c.seen++
		c.add(l, vals, rec.Line, rec.Approx, st)
	}
	rep.addChunk(c)
	w, err := startWriter(ctx, conn, l, src, nil)
	if err != nil {
		return rep, err
	}
	if err := w.write(c); err != nil {
		w.fail(ctx, err)
		return rep, err
	}
	src.RowsAccepted, src.PeriodFrom, src.PeriodTo = uint32(rep.Accepted), rep.PeriodFrom, rep.PeriodTo
	if err := w.commit(ctx, src, nil); err != nil {
		return rep, err
	}
	rep.Status, rep.SourceID = "loaded", src.ID
	return rep, nil
}

// candidateRecord stores a candidate as an observation awaiting review. A
// figure with no period (no date stated, in context or for the document)
// gets grain "": the review queue shows no period and it cannot be accepted
// until a reviewer gives one.
func candidateRecord(c textx.Candidate, i int) Record {
	start, grain := time.Unix(0, 0).UTC(), ""
	if p, err := vocab.ParseDate(c.Period); err == nil {
		start, grain = p.Start, string(p.Grain)
	}
	metric := c.Metric
	if metric == "" {
		metric = c.MetricCode
	}
	note := fmt.Sprintf("kind=%s span=%s code=%s level=%s per_year=%v cumulative=%v dated=%s", c.Kind, c.Span, c.MetricCode, c.Level, c.PerYear, c.Cumulative, c.Dated)
	return Record{Line: c.Sentence, Approx: c.Qualifier != vocab.Exact, Values: map[string]any{
		"metric": metric, "place_code": c.PlaceCode, "period_start": start, "grain": grain,
		"row_key": fmt.Sprintf("%s#%04d#%03d", c.Kind, c.Sentence, i), "value": c.Value, "unit": c.Unit,
		"qualifier": string(c.Qualifier), "partner": strings.Join(c.Partners, "、"), "status": "needs_review",
		"evidence": c.Evidence, "note": note,
	}}
}

func (o TextOptions) extractOptions() textx.Options {
	home := o.HomePlace
	if home == "" {
		home = vocab.DefaultHomeCity
	}
	return textx.Options{HomePlace: home, Aliases: o.Aliases, Doc: o.Date}
}

func readText(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("ingest: %w", err)
	}
	if len(b) > maxTextBytes {
		return "", fmt.Errorf("ingest: %s: %d bytes is more than a policy text (limit %d)", filepath.Base(path), len(b), maxTextBytes)
	}
	b = []byte(strings.TrimPrefix(string(b), "\ufeff"))
	if !utf8.Valid(b) {
		if b, err = simplifiedchinese.GB18030.NewDecoder().Bytes(b); err != nil {
			return "", fmt.Errorf("ingest: %s: neither UTF-8 nor GB18030: %w", filepath.Base(path), err)
		}
	}
	return string(b), nil
}

// TextFigure is one figure a dry run of a policy text would store for
// review.
type TextFigure struct {
	Kind      string  `json:"kind"`
	Span      string  `json:"span"`
	Metric    string  `json:"metric"`
	Code      string  `json:"code,omitempty"` // the catalog metric it looks like, if any
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Qualifier string  `json:"qualifier"`
	Period    string  `json:"period"` // "" when nothing dates it
	Dated     string  `json:"dated"`  // stated, context, document or ""
	Place     string  `json:"place"`
	Evidence  string  `json:"evidence"`
}

// ExtractText reads a policy text and returns the figures LoadText would
// store, without touching the database (--dry-run).
func ExtractText(o TextOptions) ([]TextFigure, error) {
	text, err := readText(o.Path)
	if err != nil {
		return nil, err
	}
	var out []TextFigure
	for _, c := range textx.Extract(text, o.extractOptions()) {
		metric := c.Metric
		if metric == "" {
			metric = c.MetricCode
		}
		out = append(out, TextFigure{Kind: c.Kind, Span: c.Span, Metric: metric, Code: c.MetricCode, Value: c.Value,
			Unit: c.Unit, Qualifier: string(c.Qualifier), Period: c.Period, Dated: c.Dated, Place: c.PlaceCode, Evidence: c.Evidence})
	}
	return out, nil
}
