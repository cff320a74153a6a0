package demo

import (
	"context"
	"fmt"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/ingest"
)

// Remove withdraws every committed sample load (示例数据) — the demo's and
// any file loaded with --sample — through ingest.Withdraw, so their rows
// leave every view, rows they had replaced come back, and a later `corridor
// demo` can load them again. It returns the loads it withdrew, newest
// first; real loads are untouched.
func Remove(ctx context.Context, conn driver.Conn, by string) ([]ingest.Source, error) {
	list, err := ingest.ListSources(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("demo: remove: %w", err)
	}
	var out []ingest.Source
	for _, src := range list {
		if src.Sample != 1 || src.Status != ingest.StatusCommitted {
			continue // loading or failed loads show nothing; withdrawn ones are gone already
		}
		w, err := ingest.Withdraw(ctx, conn, src.ID, by)
		if err != nil {
			return out, fmt.Errorf("demo: remove %s: %w", src.ID, err)
		}
		out = append(out, w)
	}
	return out, nil
}
