package ingest

import (
	"fmt"

	"github.com/zibo-kj/corridor/ingest/read"
	"github.com/zibo-kj/corridor/vocab"
)

// targetUnitMisfit refuses a target whose unit (its 单位 cell, or the
// unit in the value's header) cannot be the unit of its metric: money
// against a counted metric, a count against a money metric, or another
// counter (家 for a metric counted in 个). Targets convert money to yuan
// and keep no unit, so a misfit would be compared as if it fitted.
func (v *validator) targetUnitMisfit(row read.Row, vals []any, unit string) (RowError, bool) {
	if v.metricUnit == nil || v.m.Kind.Code != "target" {
		return RowError{}, false
	}
	if unit == "" {
		unit = v.valueUnit
	}
	at := v.l.at("metric")
	if unit == "" || at < 0 {
		return RowError{}, false
	}
	metric, _ := vals[at].(string)
	want, known := v.metricUnit(metric)
	if !known || unitFits(want, unit) {
		return RowError{}, false
	}
	col := v.columnOf("unit")
	if col < 0 {
		col = v.columnOf("value")
	}
	var cell read.Cell
	if col >= 0 && v.m.Columns[col].Index < len(row.Cells) {
		cell = row.Cells[v.m.Columns[col].Index]
	}
	c := Column{}
	if col >= 0 {
		c = v.m.Columns[col]
	}
	msg := fmt.Sprintf("目标的单位“%s”与指标“%s”的单位“%s”不符，请改用“%s”或同类单位 (the target's unit %s does not fit metric %s, measured in %s: write it in %s or a unit of the same kind)",
		unit, metric, want, want, unit, metric, want, want)
	return v.err(row, cell, c, unit, msg), true
}

// unitFits reports whether a figure in unit u can be a value of a metric
// measured in want: any money unit for money, the same word otherwise.
func unitFits(want, u string) bool {
	if want == "" {
		return true // a metric with no unit of its own
	}
	if vocab.IsMoneyUnit(want) || vocab.IsMoneyUnit(u) {
		return vocab.IsMoneyUnit(want) && vocab.IsMoneyUnit(u)
	}
	return u == want
}

// columnOf is the mapping column that fills table column name, or -1.
func (v *validator) columnOf(name string) int {
	for i, c := range v.m.Columns {
		if c.Field != nil && c.Field.Column == name {
			return i
		}
	}
	return -1
}
