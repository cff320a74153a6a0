package ingest

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
)

// InterruptedNote is the reason recorded on a load that its process left
// 'loading' when it stopped (killed, power cut, engine crash).
const InterruptedNote = "interrupted: the process stopped during the load"

// StuckLoads lists the loads still 'loading' that began before the given
// moment. Whether they are stuck or still running elsewhere only the
// caller can tell (see RecoverInterrupted).
func StuckLoads(ctx context.Context, conn driver.Conn, before time.Time) ([]Source, error) {
	q, err := chsql.Query("ingest.StuckLoads")
	if err != nil {
		return nil, err
	}
	pctx := clickhouse.Context(ctx, clickhouse.WithParameters(clickhouse.Parameters{"before_ms": fmt.Sprint(before.UnixMilli())}))
	var out []Source
	if err := conn.Select(pctx, &out, q); err != nil {
		return nil, fmt.Errorf("ingest: loads left loading: %w", chsql.Wrap(err))
	}
	return out, nil
}

// RecoverInterrupted ends the loads that a stopped process left 'loading'
// (those begun before the given moment): their raw rows are removed from
// every record table, then each is marked failed with InterruptedNote. It
// returns the loads it ended.
//
// Only the process that started the embedded engine may call it, at
// start, with the moment it started: then no load begun earlier can still
// be running. Never call it on an engine another process owns or on a
// shared external ClickHouse, where such a load may be in flight.
//
// Rows go first and the status last, so a recovery cut short is simply
// done again at the next start.
func RecoverInterrupted(ctx context.Context, conn driver.Conn, before time.Time) ([]Source, error) {
	stuck, err := StuckLoads(ctx, conn, before)
	if err != nil || len(stuck) == 0 {
		return nil, err
	}
	for i, s := range stuck {
		if err := deleteLoadRows(ctx, conn, s.ID); err != nil {
			return stuck[:i], err
		}
		s.Status, s.Note = StatusFailed, InterruptedNote
		s.Version = max(uint64(time.Now().UnixNano()), s.Version+2) // above the load's own commit version (+1)
		if err := putSource(ctx, conn, s); err != nil {
			return stuck[:i], err
		}
	}
	return stuck, nil
}

// deleteLoadRows removes one load's rows from every record table.
func deleteLoadRows(ctx context.Context, conn driver.Conn, sourceID string) error {
	q, err := chsql.Query("ingest.DeleteLoadRows")
	if err != nil {
		return err
	}
	for _, table := range recordTables() {
		pctx := clickhouse.Context(ctx,
			clickhouse.WithSettings(clickhouse.Settings{"mutations_sync": 1}),
			clickhouse.WithParameters(clickhouse.Parameters{"table": table, "source_id": sourceID}))
		if err := conn.Exec(pctx, q); err != nil {
			return fmt.Errorf("ingest: remove rows of interrupted load %s from %s: %w", sourceID, table, chsql.Wrap(err))
		}
	}
	return nil
}

// recordTables are the tables loads write rows to, each once (texts
// write to observations, which a kind already names).
func recordTables() []string {
	var out []string
	for _, k := range Kinds() {
		if !slices.Contains(out, k.Table) {
			out = append(out, k.Table)
		}
	}
	return out
}
