package ingest

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/vocab"
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
	Place     string    `json:"place" ch:"place_code"` // area code
	Evidence  string    `json:"evidence" ch:"evidence"`
	Note      string    `json:"note" ch:"note"`
	Status    string    `json:"status" ch:"status"`
	Start     time.Time `json:"-" ch:"period_start"`
	Span      string    `json:"span" ch:"-"`
}

// ReviewQueue lists candidates still waiting for review, oldest source first.
func ReviewQueue(ctx context.Context, conn driver.Conn, limit int) ([]Candidate, error) {
	q, err := chsql.Query("ingest.ReviewQueue")
	if err != nil {
		return nil, err
	}
	var out []Candidate
	if err := conn.Select(ctx, &out, q, clickhouse.Named("limit", limit)); err != nil {
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

// Review accepts or rejects one candidate as extracted; see ReviewWith.
func Review(ctx context.Context, conn driver.Conn, id string, accept bool) error {
	return ReviewWith(ctx, conn, id, accept, Correction{}, nil)
}

// ReviewWith accepts or rejects one candidate by writing a newer version of
// its row; accepted figures then count like any observation. An accepted
// figure may be corrected first (value, unit, qualifier, period, metric,
// place); the figure as extracted is then kept in the row's original
// column. A figure with no period cannot be accepted until the correction
// gives one. metricName resolves a metric correction: the CLI and the data
// page both pass analytics' Catalog.ObservationName, so that an accepted
// figure is stored under the name its metric reads.
func ReviewWith(ctx context.Context, conn driver.Conn, id string, accept bool, c Correction, metricName MetricName) error {
	src, key, ok := strings.Cut(id, "|")
	if !ok {
		return fmt.Errorf("ingest: candidate %q: want SOURCE|KEY as listed by the review queue", id)
	}
	cur, err := pendingFigure(ctx, conn, src, key)
	if err != nil {
		return err
	}
	status, next, original := "rejected", cur, ""
	if accept {
		status = "accepted"
		if next, err = c.apply(cur, metricName); err != nil {
			return err
		}
		if next.PeriodS == "" {
			return fmt.Errorf("ingest: candidate %q states no period and the document has no date: accept it with a period (--set period=2022)", id)
		}
		if !c.Empty() {
			original = cur.json()
		}
	}
	q, err := chsql.Query("ingest.ReviewFigure")
	if err != nil {
		return err
	}
	pctx := clickhouse.Context(ctx, clickhouse.WithParameters(clickhouse.Parameters{
		"status": status, "version": fmt.Sprint(time.Now().UnixNano()), "src": src, "key": key,
		"metric": next.Metric, "value": strconv.FormatFloat(next.Value, 'g', -1, 64), "unit": next.Unit,
		"qualifier": next.Qualifier, "start": next.Period.Start.Format(time.DateOnly), "grain": string(next.Period.Grain),
		"place": next.Place, "original": original}))
	if err := conn.Exec(pctx, q); err != nil {
		return fmt.Errorf("ingest: review: %w", chsql.Wrap(err))
	}
	return nil
}

// pendingFigure reads the newest version of a candidate awaiting review.
func pendingFigure(ctx context.Context, conn driver.Conn, src, key string) (corrected, error) {
	var (
		f     corrected
		start time.Time
		grain string
		n     uint64
	)
	q, err := chsql.Query("ingest.PendingFigure")
	if err != nil {
		return f, err
	}
	row := conn.QueryRow(ctx, q, clickhouse.Named("src", src), clickhouse.Named("key", key))
	var pending bool
	if err := row.Scan(&n, &pending, &f.Metric, &f.Value, &f.Unit, &f.Qualifier, &start, &grain, &f.Place); err != nil {
		return f, fmt.Errorf("ingest: review: %w", chsql.Wrap(err))
	}
	if n == 0 || !pending {
		return f, fmt.Errorf("ingest: no candidate %q awaiting review", src+"|"+key)
	}
	if grain != "" {
		f.Period = vocab.Period{Start: start, Grain: vocab.Grain(grain)}
		f.PeriodS = f.Period.String()
	}
	return f, nil
}
