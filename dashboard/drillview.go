package dashboard

import (
	"slices"

	"github.com/shopspring/decimal"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/vocab"
)

// namedColumns are the columns a leader sees behind a chart, in this
// order, with their header keys: what each item is, who took part, where
// and when, and its money. Bookkeeping (source, line, notes, flags) and
// the sheets' extra attributes stay on the analysts' full table.
var namedColumns = []struct{ col, head string }{
	{"name", "col_item"}, {"title", "col_item"}, {"metric", "col_metric"},
	{"kind", "col_kind"}, {"level", "level"},
	{"partners", "partner"}, {"parties", "partner"}, {"partner", "partner"},
	{"host", "col_host"}, {"lead", "col_lead"}, {"payer", "col_flow_from"}, {"recipient", "col_flow_to"}, {"operator", "col_operator"},
	{"district_code", "district"}, {"place_code", "col_place"}, {"industry", "industry"},
	{"established", "col_date"}, {"start_date", "col_date"}, {"signed_on", "col_date"}, {"paid_on", "col_date"},
	{"recognised_on", "col_date"}, {"happened_on", "col_date"}, {"period_start", "col_period"},
	{"headcount", "col_headcount"}, {"value", "col_value"}, {"amount", "col_amount"}, {"funding_total", "col_amount"},
}

// namedTable projects drill-down rows to the named columns, codes as
// names and money in 万元/亿元, for readers without row access.
func namedTable(rows *analytics.Rows, lang string) (cols []string, cells [][]string) {
	var idx []int
	var kinds []string
	for _, nc := range namedColumns {
		if i := slices.Index(rows.Columns, nc.col); i >= 0 {
			idx, kinds = append(idx, i), append(kinds, nc.col)
			cols = append(cols, tr(lang, nc.head))
		}
	}
	for _, r := range rows.Rows {
		rec := make([]string, len(idx))
		for j, i := range idx {
			rec[j] = namedCell(kinds[j], r[i], rows.Metric.Unit, lang)
		}
		cells = append(cells, rec)
	}
	return cols, cells
}

// namedCell writes one value as a reader reads it.
func namedCell(col string, v any, unit, lang string) string {
	s := cellText(v)
	switch col {
	case "district_code", "place_code":
		if pl, ok := vocab.LookupPlace(s); ok {
			return pl.Name
		}
	case "level":
		return vocab.TermName(vocab.Levels(), s, lang)
	case "kind":
		if t, ok := vocab.FindTerm(vocab.CarrierKinds(), s, false); ok {
			return t.Name(lang)
		}
	case "amount", "funding_total":
		if d, ok := v.(decimal.Decimal); ok {
			return vocab.FormatNumber(d.InexactFloat64(), "元", lang)
		}
	case "value":
		if f, ok := v.(float64); ok {
			return vocab.FormatNumber(f, unit, lang)
		}
	}
	return s
}
