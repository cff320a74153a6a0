package ingest

import (
	"github.com/ClickHouse/clickhouse-go/v2/lib/column"
	"github.com/shopspring/decimal"
)

// attrs are one row's extra attributes (the table's extra column): the
// cells of columns that match no field, as header → cell text, in column
// order. The driver writes any column.IterableOrderedMap in its own order,
// so the engine keeps the sheet's order and readers list the attributes as
// the clerk wrote them.
type attrs struct {
	kv  []string // key, value, key, value …
	col []int    // the 0-based input column of each pair, for the report
}

// noAttrs is the value of a row without extra attributes; it is only read.
var noAttrs = &attrs{}

// add appends one attribute.
func (a *attrs) add(key, value string, col int) {
	a.kv = append(a.kv, key, value)
	a.col = append(a.col, col)
}

// Put adds a pair; it lets the driver treat attrs as an ordered map.
func (a *attrs) Put(key, value any) {
	k, _ := key.(string)
	v, _ := value.(string)
	a.add(k, v, -1)
}

// Iterator walks the pairs in order for the driver.
func (a *attrs) Iterator() column.MapIterator { return &attrsIter{a: a, i: -2} }

// attrsIter is the driver's cursor over attrs.
type attrsIter struct {
	a *attrs
	i int
}

func (it *attrsIter) Next() bool {
	it.i += 2
	return it.i < len(it.a.kv)
}

func (it *attrsIter) Key() any   { return it.a.kv[it.i] }
func (it *attrsIter) Value() any { return it.a.kv[it.i+1] }

// nullableDecimal turns an amount into the pointer a Nullable(Decimal)
// takes; a missing amount stays nil (NULL), not 0.
func nullableDecimal(v any) *decimal.Decimal {
	d := v.(decimal.Decimal)
	return &d
}
