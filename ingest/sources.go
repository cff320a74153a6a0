package ingest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
)

// Source statuses. Only committed sources are visible to readers.
const (
	StatusLoading   = "loading"
	StatusCommitted = "committed"
	StatusWithdrawn = "withdrawn"
)

// Source is one load: a file, what came of it, and its status.
type Source struct {
	ID           string     `json:"source_id" ch:"source_id"`
	FileName     string     `json:"file_name" ch:"file_name"`
	SHA256       string     `json:"sha256" ch:"sha256"`
	Kind         string     `json:"kind" ch:"kind"`
	Format       string     `json:"format" ch:"format"`
	Sheet        string     `json:"sheet" ch:"sheet"`
	RowsAccepted uint32     `json:"rows_accepted" ch:"rows_accepted"`
	RowsRejected uint32     `json:"rows_rejected" ch:"rows_rejected"`
	RowsSkipped  uint32     `json:"rows_skipped" ch:"rows_skipped"`
	PeriodFrom   *time.Time `json:"period_from" ch:"period_from"`
	PeriodTo     *time.Time `json:"period_to" ch:"period_to"`
	LoadedBy     string     `json:"loaded_by" ch:"loaded_by"`
	LoadedAt     time.Time  `json:"loaded_at" ch:"loaded_at"`
	Status       string     `json:"status" ch:"status"`
	Sample       uint8      `json:"sample" ch:"sample"`
	Note         string     `json:"note" ch:"note"`
	Version      uint64     `json:"-" ch:"version"`
}

// NewSourceID makes a readable, unique id: date, time and a random suffix.
func NewSourceID(now time.Time) string {
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	return now.In(shanghai).Format("20060102-150405") + "-" + hex.EncodeToString(b)
}

var shanghai = time.FixedZone("CST", 8*3600)

// putSource writes new versions of source rows (the table keeps the
// newest). Several rows go in one INSERT, which the engine writes whole or
// not at all: a commit and the replacement it makes happen together.
func putSource(ctx context.Context, conn driver.Conn, rows ...Source) error {
	q, err := chsql.Query("ingest.InsertSources")
	if err != nil {
		return err
	}
	b, err := conn.PrepareBatch(ctx, q)
	if err != nil {
		return fmt.Errorf("ingest: sources: %w", chsql.Wrap(err))
	}
	for i := range rows {
		if err := b.AppendStruct(&rows[i]); err != nil {
			_ = b.Abort()
			return fmt.Errorf("ingest: sources: %w", err)
		}
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("ingest: sources: %w", chsql.Wrap(err))
	}
	return nil
}

// ListSources returns every source, newest first.
func ListSources(ctx context.Context, conn driver.Conn) ([]Source, error) {
	q, err := chsql.Query("ingest.ListSources")
	if err != nil {
		return nil, err
	}
	var out []Source
	if err := conn.Select(ctx, &out, q); err != nil {
		return nil, fmt.Errorf("ingest: list sources: %w", chsql.Wrap(err))
	}
	return out, nil
}

// GetSource returns one source by id.
func GetSource(ctx context.Context, conn driver.Conn, id string) (Source, error) {
	q, err := chsql.Query("ingest.GetSource")
	if err != nil {
		return Source{}, err
	}
	var out []Source
	if err := conn.Select(ctx, &out, q, clickhouse.Named("source_id", id)); err != nil {
		return Source{}, fmt.Errorf("ingest: source %s: %w", id, chsql.Wrap(err))
	}
	if len(out) == 0 {
		return Source{}, fmt.Errorf("ingest: no source %q; 'corridor ingest --list' shows them", id)
	}
	return out[0], nil
}

// findCommitted returns a committed source holding the same file content and kind, if any.
func findCommitted(ctx context.Context, conn driver.Conn, sha, kind, sheet string) (*Source, error) {
	q, err := chsql.Query("ingest.FindCommitted")
	if err != nil {
		return nil, err
	}
	var out []Source
	err = conn.Select(ctx, &out, q, clickhouse.Named("sha256", sha), clickhouse.Named("kind", kind), clickhouse.Named("sheet", sheet))
	if err != nil {
		return nil, fmt.Errorf("ingest: look up earlier loads: %w", chsql.Wrap(err))
	}
	if len(out) == 0 {
		return nil, nil
	}
	return &out[0], nil
}

// Withdraw marks a source withdrawn: its rows disappear from every view,
// and rows it had replaced come back — by natural key, and whole loads it
// replaced with --replace, committed again in the same write. Nothing is
// deleted, so it can be undone by reloading.
func Withdraw(ctx context.Context, conn driver.Conn, id, by string) (Source, error) {
	s, err := GetSource(ctx, conn, id)
	if err != nil {
		return s, err
	}
	switch s.Status {
	case StatusWithdrawn:
		return s, fmt.Errorf("ingest: source %s is already withdrawn", id)
	case StatusReplaced:
		return s, fmt.Errorf("ingest: source %s was replaced (%s): its rows are not shown; withdraw the load that replaced it to bring it back", id, s.Note)
	}
	back, err := replacedBy(ctx, conn, id)
	if err != nil {
		return s, err
	}
	v := uint64(time.Now().UnixNano())
	s.Status = StatusWithdrawn
	s.Note = fmt.Sprintf("withdrawn by %s at %s; %s", by, time.Now().In(shanghai).Format("2006-01-02 15:04"), s.Note)
	s.Version = max(v, s.Version+1)
	rows := []Source{s}
	for _, r := range back {
		rows = append(rows, restored(r, by, id, v))
	}
	return s, putSource(ctx, conn, rows...)
}
