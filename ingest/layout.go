package ingest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/shopspring/decimal"
	chsql "github.com/zibo-kj/corridor/sql"
)

// tableColumn is one column of a record table as the engine reports it.
type tableColumn struct {
	name, typ string
}

// columnsOf reads a table's columns in order, so inserts follow the schema
// without a hand-kept list per kind.
func columnsOf(ctx context.Context, conn driver.Conn, table string) ([]tableColumn, error) {
	q, err := chsql.Query("ingest.TableColumns")
	if err != nil {
		return nil, err
	}
	rows, err := conn.Query(ctx, q, clickhouse.Named("table", table))
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
		cols = append(cols, c)
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("ingest: table %s not found; run 'corridor migrate'", table)
	}
	return cols, rows.Err()
}

// layout places a kind's values in its table's columns: a row is a []any
// indexed like cols, nil meaning the column's zero value.
type layout struct {
	table string
	cols  []tableColumn
	index map[string]int // column name → position

	// Positions of the columns ingest fills itself, -1 when absent.
	valueAt, unitAt, statusAt, rowKeyAt, approxAt int
	sourceAt, lineAt, versionAt, extraAt          int
	periodAt                                      []int // dates that make a source's period
}

// periodColumns are the dates a source's period (from–to) is taken from.
var periodColumns = []string{"established", "start_date", "signed_on", "paid_on", "recognised_on", "happened_on", "period_start"}

func newLayout(table string, cols []tableColumn) *layout {
	l := &layout{table: table, cols: cols, index: make(map[string]int, len(cols))}
	for i, c := range cols {
		l.index[c.name] = i
	}
	l.valueAt, l.unitAt, l.statusAt, l.rowKeyAt, l.approxAt = l.at("value"), l.at("unit"), l.at("status"), l.at("row_key"), l.at("approx")
	l.sourceAt, l.lineAt, l.versionAt, l.extraAt = l.at("source_id"), l.at("source_line"), l.at("version"), l.at("extra")
	for _, c := range periodColumns {
		if at := l.at(c); at >= 0 {
			l.periodAt = append(l.periodAt, at)
		}
	}
	return l
}

// only keeps the columns named in keep, in table order: the others are
// left out of the INSERT and take their defaults in the engine.
func (l *layout) only(keep map[string]bool) *layout {
	var cols []tableColumn
	for _, c := range l.cols {
		if keep[c.name] {
			cols = append(cols, c)
		}
	}
	return newLayout(l.table, cols)
}

// filledColumns are the columns a mapping can fill with something other
// than their zero value: the mapped fields, what they imply (a period's
// grain, a figure's qualifier, the approx flag), what a kind derives
// (unit, status, the natural key), the provenance columns and the extra
// attributes (any row may have a cell no field takes). A file without a 备注
// column sends no notes, a register without partners no empty partner lists.
func filledColumns(m Mapping) map[string]bool {
	f := map[string]bool{"source_id": true, "source_line": true, "version": true, "extra": true}
	approx := false
	for _, c := range m.Columns {
		if c.Field == nil {
			continue
		}
		f[c.Field.Column] = true
		switch c.Field.Type {
		case Period:
			f["grain"] = true
		case Number:
			f["qualifier"], approx = true, true
		case Money, Count:
			approx = true
		}
	}
	switch m.Kind.Code {
	case "observation":
		f["unit"], f["value"], f["status"] = true, true, true
	case "target":
		f["unit"], f["value"] = true, true
	}
	for _, k := range m.Kind.Key {
		if f[k] {
			f["row_key"] = true
		}
	}
	if approx {
		f["approx"] = true
	}
	return f
}

// at is the position of a column, -1 when the table has none.
func (l *layout) at(name string) int {
	if i, ok := l.index[name]; ok {
		return i
	}
	return -1
}

// newBufs makes one empty buffer per column, sized for n rows.
func (l *layout) newBufs(n int) ([]colBuf, error) {
	bufs := make([]colBuf, len(l.cols))
	for i, c := range l.cols {
		b, err := bufFor(c.typ, n)
		if err != nil {
			return nil, fmt.Errorf("ingest: %s.%s: %w", l.table, c.name, err)
		}
		bufs[i] = b
	}
	return bufs, nil
}

// colBuf gathers one column's values for a chunk, typed as the driver
// takes them whole (batch.Column(i).Append(slice)).
type colBuf interface {
	add(v any) // nil adds the column's zero value
	values() any
	reset()
	at(i int) any // the i-th value added
}

// bufFor picks the buffer for a ClickHouse type. LowCardinality columns
// are sent as plain strings (see insertSettings).
func bufFor(typ string, n int) (colBuf, error) {
	t := typ
	if inner, ok := strings.CutPrefix(typ, "LowCardinality("); ok {
		t = strings.TrimSuffix(inner, ")")
	}
	switch {
	case typ == "Nullable(Date)" || typ == "Nullable(Date32)":
		return &typedBuf[*time.Time]{v: make([]*time.Time, 0, n), conv: nullableTime}, nil
	case t == "String":
		return &strBuf{v: make([]string, 0, n)}, nil
	case t == "Array(String)":
		return &typedBuf[[]string]{v: make([][]string, 0, n), zero: []string{}}, nil
	case t == "Date" || t == "Date32" || strings.HasPrefix(t, "DateTime"):
		return &typedBuf[time.Time]{v: make([]time.Time, 0, n), zero: time.Unix(0, 0).UTC()}, nil
	case strings.HasPrefix(t, "Nullable(Decimal"):
		return &typedBuf[*decimal.Decimal]{v: make([]*decimal.Decimal, 0, n), conv: nullableDecimal}, nil
	case t == "Map(String, String)":
		return &typedBuf[*attrs]{v: make([]*attrs, 0, n), zero: noAttrs}, nil
	case strings.HasPrefix(t, "Decimal"):
		return &typedBuf[decimal.Decimal]{v: make([]decimal.Decimal, 0, n)}, nil
	case t == "Float64":
		return &typedBuf[float64]{v: make([]float64, 0, n)}, nil
	case t == "UInt8":
		return &typedBuf[uint8]{v: make([]uint8, 0, n)}, nil
	case t == "UInt16":
		return &typedBuf[uint16]{v: make([]uint16, 0, n)}, nil
	case t == "UInt32":
		return &typedBuf[uint32]{v: make([]uint32, 0, n)}, nil
	case t == "UInt64":
		return &typedBuf[uint64]{v: make([]uint64, 0, n)}, nil
	}
	return nil, fmt.Errorf("column type %s is not supported by ingest", typ)
}

// typedBuf is a colBuf of one Go type; conv adapts values of another type
// (a time.Time for a Nullable(Date) column).
type typedBuf[T any] struct {
	v    []T
	zero T
	conv func(any) T
}

func (b *typedBuf[T]) add(v any) {
	switch x := v.(type) {
	case nil:
		b.v = append(b.v, b.zero)
	case T:
		b.v = append(b.v, x)
	default:
		if b.conv == nil {
			panic(fmt.Sprintf("ingest: %T value for a %T column", v, b.zero)) // a programming error in a kind's fields
		}
		b.v = append(b.v, b.conv(v))
	}
}

func (b *typedBuf[T]) values() any  { return b.v }
func (b *typedBuf[T]) at(i int) any { return b.v[i] }
func (b *typedBuf[T]) reset()       { clear(b.v); b.v = b.v[:0] }

// strBuf is the colBuf of text columns, most of a table: a plain type
// assertion is cheaper than typedBuf's type switch, and nil reads as "".
type strBuf struct{ v []string }

func (b *strBuf) add(v any) {
	s, ok := v.(string)
	if !ok && v != nil {
		panic(fmt.Sprintf("ingest: %T value for a text column", v)) // a programming error in a kind's fields
	}
	b.v = append(b.v, s)
}

func (b *strBuf) values() any  { return b.v }
func (b *strBuf) at(i int) any { return b.v[i] }
func (b *strBuf) reset()       { clear(b.v); b.v = b.v[:0] }

// nullableTime turns a date into the pointer a Nullable(Date) takes.
func nullableTime(v any) *time.Time {
	t := v.(time.Time)
	return &t
}
