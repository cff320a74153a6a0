package ingest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/shopspring/decimal"
	chsql "github.com/zibo-kj/corridor/sql"
)

// batchRows is how many rows go in one INSERT: large enough for the engine's
// throughput, small enough to bound client memory.
const batchRows = 100_000

// tableColumn is one column of a record table as the engine reports it,
// with what an insert needs worked out once rather than per row.
type tableColumn struct {
	name, typ string
	zero      any  // value when the input has no such field
	nullable  bool // a time.Time goes in as *time.Time
}

// columnsOf reads a table's columns in order, so inserts follow the schema
// without a hand-kept list per kind.
func columnsOf(ctx context.Context, conn driver.Conn, table string) ([]tableColumn, error) {
	rows, err := conn.Query(ctx, "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = ? ORDER BY position", table)
	if err != nil {
		return nil, fmt.Errorf("ingest: columns of %s: %w", table, chsql.Wrap(err))
	}
	defer rows.Close()
	var cols []tableColumn
	for rows.Next() {
		var c tableColumn
		if err := rows.Scan(&c.name, &c.typ); err != nil {
			return nil, fmt.Errorf("ingest: columns of %s: %w", table, err)
		}
		c.zero, c.nullable = zeroFor(c.typ), strings.HasPrefix(c.typ, "Nullable(")
		cols = append(cols, c)
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("ingest: table %s not found; run 'corridor migrate'", table)
	}
	return cols, rows.Err()
}

// zeroFor is the value a column takes when the input has no such field.
func zeroFor(typ string) any {
	t := strings.TrimSuffix(strings.TrimPrefix(typ, "LowCardinality("), ")")
	switch {
	case strings.HasPrefix(typ, "Nullable("):
		return nil
	case t == "String":
		return ""
	case strings.HasPrefix(t, "Array("):
		return []string{}
	case t == "Date" || strings.HasPrefix(t, "DateTime"):
		return time.Unix(0, 0).UTC()
	case strings.HasPrefix(t, "Decimal"):
		return decimal.Zero
	case t == "UInt8":
		return uint8(0)
	case t == "UInt16":
		return uint16(0)
	case t == "UInt32":
		return uint32(0)
	case t == "UInt64":
		return uint64(0)
	case t == "Float64":
		return float64(0)
	}
	return nil
}

// insertRecords appends records to table in batches, every row stamped
// with the source and the load's version.
func insertRecords(ctx context.Context, conn driver.Conn, table string, recs []Record, sourceID string, version uint64, progress func(done int)) error {
	cols, err := columnsOf(ctx, conn, table)
	if err != nil {
		return err
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = chsql.QuoteIdent(c.name)
	}
	q := fmt.Sprintf("INSERT INTO %s (%s)", chsql.QuoteIdent(table), strings.Join(names, ", "))
	row := make([]any, len(cols))
	for start := 0; start < len(recs); start += batchRows {
		end := min(start+batchRows, len(recs))
		b, err := conn.PrepareBatch(ctx, q)
		if err != nil {
			return fmt.Errorf("ingest: insert into %s: %w", table, chsql.Wrap(err))
		}
		for _, r := range recs[start:end] {
			for i, c := range cols {
				row[i] = recordValue(r, c, sourceID, version)
			}
			if err := b.Append(row...); err != nil {
				_ = b.Abort()
				return fmt.Errorf("ingest: line %d: insert into %s: %w", r.Line, table, err)
			}
		}
		if err := b.Send(); err != nil {
			return fmt.Errorf("ingest: insert into %s: %w", table, chsql.Wrap(err))
		}
		if progress != nil {
			progress(end)
		}
	}
	return nil
}

func recordValue(r Record, c tableColumn, sourceID string, version uint64) any {
	switch c.name {
	case "source_id":
		return sourceID
	case "source_line":
		return uint32(r.Line)
	case "version":
		return version
	}
	if v, ok := r.Values[c.name]; ok {
		if t, isTime := v.(time.Time); isTime && c.nullable {
			return &t
		}
		return v
	}
	return c.zero
}
