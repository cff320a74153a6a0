package ingest

import (
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/zibo-kj/corridor/ingest/read"
	"github.com/zibo-kj/corridor/vocab"
)

// partWhole is a column whose value is a part of another column's value
// on the same row, as 财政资金 is a part of 总投入.
type partWhole struct {
	part, whole string
}

// partsOfWholes lists, per kind, the money columns that are a part of
// another column of the same row. A part above its whole is a slip
// (万元 typed as 元, swapped columns) that would make every share above
// 100 %.
var partsOfWholes = map[string][]partWhole{
	"project":  {{part: "funding_fiscal", whole: "funding_total"}},
	"platform": {{part: "invest_fiscal", whole: "invest_total"}, {part: "invest_self", whole: "invest_total"}},
}

// rowRules are the checks that need a whole converted row: no negative
// money or counts, no part above its whole. Mapping columns are indexes
// into Mapping.Columns; -1 means the file lacks the column.
type rowRules struct {
	v     *validator // file, sheet, mapping and layout
	money []int      // Money columns
	value int        // an observation's or target's figure, judged by its unit
	pairs [][2]int   // part, whole
}

// newRowRules finds the columns the rules look at in a mapping.
func newRowRules(v *validator) *rowRules {
	r := &rowRules{v: v, value: -1}
	byColumn := map[string]int{}
	for i, c := range v.m.Columns {
		if c.Field == nil {
			continue
		}
		byColumn[c.Field.Column] = i
		switch {
		case c.Field.Type == Money:
			r.money = append(r.money, i)
		case c.Field.Column == "value" && (v.m.Kind.Code == "observation" || v.m.Kind.Code == "target"):
			r.value = i
		}
	}
	for _, pw := range partsOfWholes[v.m.Kind.Code] {
		p, okP := byColumn[pw.part]
		w, okW := byColumn[pw.whole]
		if okP && okW {
			r.pairs = append(r.pairs, [2]int{p, w})
		}
	}
	return r
}

// check returns the row's rule errors; vals are its converted values,
// before finish derives anything from them.
func (r *rowRules) check(row read.Row, vals []any) []RowError {
	var errs []RowError
	for _, i := range r.money {
		if d, ok := r.at(i, vals).(decimal.Decimal); ok && d.IsNegative() {
			errs = append(errs, r.errAt(row, i, negativeMoney))
		}
	}
	if r.value >= 0 {
		if f, ok := r.at(r.value, vals).(float64); ok && f < 0 {
			if unit := r.unit(vals); vocab.IsMoneyUnit(unit) || vocab.IsCountUnit(unit) {
				errs = append(errs, r.errAt(row, r.value, negativeFigure(unit)))
			}
		}
	}
	for _, pw := range r.pairs {
		part, okP := r.at(pw[0], vals).(decimal.Decimal)
		whole, okW := r.at(pw[1], vals).(decimal.Decimal)
		if okP && okW && part.GreaterThan(whole) {
			errs = append(errs, r.errAt(row, pw[0], r.aboveWhole(row, pw)))
		}
	}
	return errs
}

// at is the converted value of mapping column i (nil when empty).
func (r *rowRules) at(i int, vals []any) any {
	if at := r.v.fieldAt[i]; at >= 0 {
		return vals[at]
	}
	return nil
}

// unit is the unit of an observation's figure: its 单位 cell, else the
// unit written in the value column's header.
func (r *rowRules) unit(vals []any) string {
	if at := r.v.l.unitAt; at >= 0 {
		if u, _ := vals[at].(string); u != "" {
			return u
		}
	}
	return r.v.valueUnit
}

// errAt is a rule error on mapping column i of row.
func (r *rowRules) errAt(row read.Row, i int, msg string) RowError {
	col := r.v.m.Columns[i]
	return r.v.err(row, cellOf(row, col), col, vocab.CleanText(cellOf(row, col).Value), msg)
}

func cellOf(row read.Row, col Column) read.Cell {
	if col.Index < len(row.Cells) {
		return row.Cells[col.Index]
	}
	return read.Cell{}
}

const negativeMoney = "is negative: an amount of money cannot be below 0; write it without the minus sign, or leave the cell empty if it is not known (金额不能为负数：请去掉负号，不详的留空)"

// negativeCount is the message for a count below 0 (Count fields).
const negativeCount = "is negative: a number of people or items cannot be below 0; write it without the minus sign, or leave the cell empty if it is not known (人数、个数不能为负数：请去掉负号，不详的留空)"

// negativeFigure is the message for an observation or target below 0 in a
// money or counting unit.
func negativeFigure(unit string) string {
	if vocab.IsMoneyUnit(unit) {
		return fmt.Sprintf("is negative in %s: money figures (spending, turnover, funding) cannot be below 0; write it without the minus sign, and give a decrease as a change in %% under its own metric (金额类指标不能为负数：请去掉负号；减少额请以百分比另列指标)", unit)
	}
	return fmt.Sprintf("is negative in %s: a count cannot be below 0; write it without the minus sign, and give a decrease as a change in %% under its own metric (计数类指标不能为负数：请去掉负号；减少数请以百分比另列指标)", unit)
}

// aboveWhole says which two cells disagree and how to fix them.
func (r *rowRules) aboveWhole(row read.Row, pw [2]int) string {
	part, whole := r.v.m.Columns[pw[0]], r.v.m.Columns[pw[1]]
	wholeText := vocab.CleanText(cellOf(row, whole).Value)
	return fmt.Sprintf("%s is more than %s %q (column %s) on the same row: a part cannot exceed its whole; check both cells and their units (%s不能大于%s，请核对两栏数值及单位)",
		part.Field.Label, whole.Field.Label, wholeText, colName(cellOf(row, whole), whole), part.Field.Label, whole.Field.Label)
}

// colName is a cell's column as the reader names it (its letter, for CSV
// and XLSX alike), or the letter of its position.
func colName(c read.Cell, col Column) string {
	if c.ColName != "" {
		return c.ColName
	}
	return read.ColumnName(col.Index + 1)
}
