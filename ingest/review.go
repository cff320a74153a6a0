package ingest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
)

// Candidate is a figure extracted from a text, as the review queue shows it.
type Candidate struct {
	ID        string    `json:"id" ch:"id"` // source_id|row_key
	Metric    string    `json:"metric" ch:"metric"`
	Value     float64   `json:"value" ch:"value"`
	Unit      string    `json:"unit" ch:"unit"`
	Qualifier string    `json:"qualifier" ch:"qualifier"`
	Period    string    `json:"period" ch:"period"`
	Partner   string    `json:"partner" ch:"partner"`
	Evidence  string    `json:"evidence" ch:"evidence"`
	Note      string    `json:"note" ch:"note"`
	Status    string    `json:"status" ch:"status"`
	Start     time.Time `json:"-" ch:"period_start"`
	Span      string    `json:"span" ch:"-"`
}

// ReviewQueue lists candidates still waiting for review, oldest source first.
func ReviewQueue(ctx context.Context, conn driver.Conn, limit int) ([]Candidate, error) {
	q := `SELECT concat(source_id, '|', row_key) AS id, metric, value, unit, qualifier, toString(period_start) AS period, partner, evidence, note, status, period_start
FROM (SELECT * FROM observations WHERE source_id IN (SELECT source_id FROM sources FINAL WHERE status = 'committed')
      ORDER BY version DESC LIMIT 1 BY source_id, row_key)
WHERE status = 'needs_review'
ORDER BY source_id, row_key LIMIT ?`
	var out []Candidate
	if err := conn.Select(ctx, &out, q, limit); err != nil {
		return nil, fmt.Errorf("ingest: review queue: %w", chsql.Wrap(err))
	}
	for i := range out {
		out[i].Span = spanOf(out[i].Note)
	}
	return out, nil
}

func spanOf(note string) string {
	for _, f := range strings.Fields(note) {
		if v, ok := strings.CutPrefix(f, "span="); ok {
			return v
		}
	}
	return ""
}

// Review accepts or rejects one candidate by writing a newer version of
// its row; accepted figures then count like any observation.
func Review(ctx context.Context, conn driver.Conn, id string, accept bool) error {
	src, key, ok := strings.Cut(id, "|")
	if !ok {
		return fmt.Errorf("ingest: candidate %q: want SOURCE|KEY as listed by the review queue", id)
	}
	status := "rejected"
	if accept {
		status = "accepted"
	}
	// Server-side parameters: clickhouse-go does not bind ? in INSERT … SELECT.
	q := `INSERT INTO observations SELECT * REPLACE ({status:String} AS status, {version:UInt64} AS version)
FROM observations FINAL WHERE source_id = {src:String} AND row_key = {key:String}`
	var n uint64
	if err := conn.QueryRow(ctx, "SELECT countIf(st = 'needs_review') FROM (SELECT argMax(status, version) AS st FROM observations WHERE source_id = ? AND row_key = ?)", src, key).Scan(&n); err != nil {
		return fmt.Errorf("ingest: review: %w", chsql.Wrap(err))
	}
	if n == 0 {
		return fmt.Errorf("ingest: no candidate %q awaiting review", id)
	}
	pctx := clickhouse.Context(ctx, clickhouse.WithParameters(clickhouse.Parameters{
		"status": status, "version": fmt.Sprint(time.Now().UnixNano()), "src": src, "key": key}))
	if err := conn.Exec(pctx, q); err != nil {
		return fmt.Errorf("ingest: review: %w", chsql.Wrap(err))
	}
	return nil
}
