package ingest

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/zibo-kj/corridor/ingest/read"
)

// maxListedErrors bounds the errors kept in a report; all are counted.
const maxListedErrors = 10_000

// Report is the outcome of one load.
type Report struct {
	File        string         `json:"file"`
	Sheet       string         `json:"sheet,omitempty"`
	Format      string         `json:"format"`
	Encoding    string         `json:"encoding,omitempty"`
	Kind        string         `json:"kind"`
	SHA256      string         `json:"sha256"`
	SourceID    string         `json:"source_id,omitempty"`
	Status      string         `json:"status"` // loaded, already_loaded, rejected, dry_run, failed
	Rows        int            `json:"rows"`
	Accepted    int            `json:"accepted"`
	Rejected    int            `json:"rejected"`
	Skipped     int            `json:"skipped"`
	Approximate int            `json:"approximate"`
	Extra       []string       `json:"extra_columns,omitempty"`  // kept as extra attributes (保留为附加属性)
	Serial      []string       `json:"serial_columns,omitempty"` // serial numbers, skipped (序号列)
	Empty       []string       `json:"empty_columns,omitempty"`  // named columns with no value in any row
	Notes       []Note         `json:"notes,omitempty"`          // what the load decided from the sheet's context and layout
	Skips       []read.Skipped `json:"skipped_rows,omitempty"`
	Errors      []RowError     `json:"errors,omitempty"`
	ErrorCount  int            `json:"error_count"`
	PeriodFrom  *time.Time     `json:"period_from,omitempty"`
	PeriodTo    *time.Time     `json:"period_to,omitempty"`
	RejectsFile string         `json:"rejects_file,omitempty"`
	Replaces    string         `json:"replaces,omitempty"` // the load this file replaces whole (--replace)
	// OtherSheets are the workbook's sheets this load did not read.
	OtherSheets []read.OtherSheet `json:"other_sheets,omitempty"`

	kept []bool // per input column: some accepted row kept a cell of it
}

func newReport(st *read.Stream, m Mapping, sum string) *Report {
	return &Report{File: st.File, Sheet: st.Sheet, Format: st.Format, Encoding: st.Encoding, Kind: m.Kind.Code, SHA256: sum, OtherSheets: st.OtherSheets}
}

func (r *Report) addErrors(errs []RowError) {
	r.Rejected++
	r.ErrorCount += len(errs)
	for _, e := range errs {
		if len(r.Errors) < maxListedErrors {
			r.Errors = append(r.Errors, e)
		}
	}
}

// addChunk counts a converted chunk: rows, rejects, approximate figures
// and the period covered.
func (r *Report) addChunk(c *chunk) {
	r.Rows += c.seen
	r.Accepted += c.rows
	r.Approximate += c.approx
	for i, k := range c.kept {
		if k {
			r.kept = markColumns(r.kept, []int{i})
		}
	}
	for _, e := range c.errs {
		r.addErrors(e)
	}
	if !c.from.IsZero() && (r.PeriodFrom == nil || c.from.Before(*r.PeriodFrom)) {
		t := c.from
		r.PeriodFrom = &t
	}
	if !c.to.IsZero() && (r.PeriodTo == nil || c.to.After(*r.PeriodTo)) {
		t := c.to
		r.PeriodTo = &t
	}
}

// Summary is the one line printed at the end of a load.
func (r *Report) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", r.File, r.Status)
	if r.SourceID != "" {
		fmt.Fprintf(&b, " as %s", r.SourceID)
	}
	b.WriteString(" — ")
	if r.Kind != "" { // a file refused before its kind was known has none
		fmt.Fprintf(&b, "kind %s, ", r.Kind)
	}
	fmt.Fprintf(&b, "%d rows: %d accepted, %d rejected, %d skipped", r.Rows, r.Accepted, r.Rejected, r.Skipped)
	if r.Approximate > 0 {
		fmt.Fprintf(&b, ", %d approximate", r.Approximate)
	}
	r.columnsSummary(&b)
	if r.RejectsFile != "" {
		fmt.Fprintf(&b, "; rejects in %s", r.RejectsFile)
	}
	switch {
	case r.Replaces == "":
	case r.Status == "loaded":
		fmt.Fprintf(&b, "; replaced load %s whole (its rows withdrawn)", r.Replaces)
	case r.Status == "dry_run":
		fmt.Fprintf(&b, "; would replace load %s whole", r.Replaces)
	}
	if len(r.Notes) > 0 {
		b.WriteString("; " + notesLine(r.Notes))
	}
	if line := otherSheetsLine(r.OtherSheets); line != "" {
		b.WriteString("; " + line)
	}
	return b.String()
}

// writeRejects writes the rejected rows beside the input as
// <name>.rejects.csv (UTF-8 with BOM, so Excel opens it in Chinese).
func writeRejects(input string, headers []string, bad []read.Row, errs []RowError) (string, error) {
	out := input + ".rejects.csv"
	f, err := os.Create(out)
	if err != nil {
		return "", fmt.Errorf("ingest: rejects file: %w", err)
	}
	defer f.Close()
	f.WriteString("\ufeff")
	w := csv.NewWriter(f)
	_ = w.Write(append([]string{"行 line", "列 column", "值 value", "错误 error"}, headers...))
	byLine := map[int]read.Row{}
	for _, r := range bad {
		byLine[r.Line] = r
	}
	for _, e := range errs {
		rec := []string{strconv.Itoa(e.Line), e.Header, neutralise(e.Value), e.Msg}
		for _, c := range byLine[e.Line].Cells {
			rec = append(rec, neutralise(c.Value))
		}
		_ = w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return "", fmt.Errorf("ingest: rejects file: %w", err)
	}
	return out, nil
}

// neutralise stops spreadsheet formula injection in exported cells.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
