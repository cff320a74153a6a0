package chsql

import (
	"context"
	"fmt"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// DetachedPart is a data part of one of our tables that the engine set
// aside instead of serving: typically damaged files found at start
// (reason "broken-on-start"). Its rows are missing from every query.
type DetachedPart struct {
	Table  string `ch:"table"`
	Name   string `ch:"name"`
	Reason string `ch:"reason"` // broken-on-start, unexpected, noquorum, … ("" when detached by hand)
	Path   string `ch:"path"`   // the part's folder on the engine's disk
}

// DetachedParts lists the detached parts of the connection's database
// (see queries/health.DetachedParts.sql). It reads system.detached_parts,
// so the account needs SELECT on that table.
func DetachedParts(ctx context.Context, conn driver.Conn) ([]DetachedPart, error) {
	q, err := Query("health.DetachedParts")
	if err != nil {
		return nil, err
	}
	var out []DetachedPart
	if err := conn.Select(ctx, &out, q); err != nil {
		return nil, fmt.Errorf("chsql: detached parts: %w", Wrap(err))
	}
	return out, nil
}

// DetachedByTable counts the detached parts of each table.
func DetachedByTable(parts []DetachedPart) map[string]int {
	out := make(map[string]int, len(parts))
	for _, p := range parts {
		out[p.Table]++
	}
	return out
}
