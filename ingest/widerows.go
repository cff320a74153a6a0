package ingest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zibo-kj/corridor/ingest/read"
	"github.com/zibo-kj/corridor/vocab"
)

// wideHeaders are the columns of the rows a wide table is unpivoted into,
// in the order wideRows writes their cells.
var wideHeaders = []string{"指标", "地区", "时期", "数值", "单位", "备注"}

// headers are the unpivoted rows' columns: the observation's, then the
// source columns kept as extra attributes.
func (p *widePlan) headers() []string {
	return append(slices.Clone(wideHeaders), p.unknown...)
}

// wideRows unpivots a wide table as it is read: each source row becomes
// one row per period column with a value, its cells keeping their source
// positions so errors point at the sheet's own cells. Blank cells (empty,
// -, 无) are no observation. Next runs on the pipeline's one reader
// goroutine; made and blanks are read once the run is over.
type wideRows struct {
	src          rowSource
	plan         *widePlan
	made, blanks int
}

// Next returns the unpivoted rows of the source's next chunk.
func (w *wideRows) Next() ([]read.Row, error) {
	rows, err := w.src.Next()
	if err != nil {
		return nil, err
	}
	out := make([]read.Row, 0, len(rows)*len(w.plan.periods))
	for _, r := range rows {
		out = w.plan.unpivot(r, out, &w.blanks)
	}
	w.made += len(out)
	return out, nil
}

// Release does nothing: the unpivoted cells share the source rows' text,
// so those are never handed back (Release is optional for a stream).
func (w *wideRows) Release([]read.Row) {}

// unpivot appends a source row's observations to out.
func (p *widePlan) unpivot(r read.Row, out []read.Row, blanks *int) []read.Row {
	metric := labelCell(r, p.metricAt, p.metric)
	place := labelCell(r, p.placeAt, p.place)
	unit := labelCell(r, p.unitAt, "")
	note := labelCell(r, p.noteAt, "")
	for _, pc := range p.periods {
		v := labelCell(r, pc.at, "")
		if vocab.IsBlank(v.Value) {
			*blanks++
			continue
		}
		u := unit
		if vocab.IsBlank(u.Value) {
			u = read.Cell{Value: firstNonEmpty(pc.unit, p.unit), Col: v.Col, ColName: v.ColName}
		}
		per := read.Cell{Value: pc.period.String(), Col: v.Col, ColName: v.ColName}
		cells := append(make([]read.Cell, 0, len(wideHeaders)+len(p.extra)), metric, place, per, v, u, note)
		for _, at := range p.extra {
			cells = append(cells, labelCell(r, at, ""))
		}
		out = append(out, read.Row{Line: r.Line, Cells: cells})
	}
	return out
}

// labelCell is the row's cell at column at, or a cell holding fixed (from
// the context) when the table has no such column.
func labelCell(r read.Row, at int, fixed string) read.Cell {
	if at >= 0 && at < len(r.Cells) {
		return r.Cells[at]
	}
	return read.Cell{Value: fixed}
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// doneNotes are the notes known once every row was read: how many
// observations the period columns became, and the totals left out.
func (w *wideRows) doneNotes() []Note {
	labels := make([]string, len(w.plan.periods))
	for i, pc := range w.plan.periods {
		labels[i] = pc.header
	}
	notes := []Note{{
		ZH: fmt.Sprintf("宽表：按列的时期已转为 %d 条观测值（%s）", w.made, strings.Join(labels, "、")),
		EN: fmt.Sprintf("wide table: the period columns %s became %d observations", strings.Join(labels, ", "), w.made),
	}}
	if w.blanks > 0 {
		notes = append(notes, Note{ZH: fmt.Sprintf("%d 个空单元格没有数值，未生成观测值", w.blanks),
			EN: fmt.Sprintf("%d blank cells hold no value and made no observation", w.blanks)})
	}
	for _, t := range w.plan.totals {
		notes = append(notes, totalNote(t))
	}
	return notes
}

// totalNote says a total column was left out, so nothing counts twice.
func totalNote(t periodColumn) Note {
	return Note{
		ZH: fmt.Sprintf("“%s”列是合计，不是时期，未导入（不重复计数）", t.header),
		EN: fmt.Sprintf("column %q is a total, not a period, and was not loaded (nothing counts twice)", t.header),
	}
}
