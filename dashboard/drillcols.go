package dashboard

import (
	"github.com/zibo-kj/corridor/analytics"
)

// rowOnlyHeads are the header keys of the columns only the analysts' full
// table shows (namedColumns holds the rest): bookkeeping, money parts and
// the text figures' evidence.
var rowOnlyHeads = map[string]string{
	"approx": "col_row_approx", "note": "col_note", "source_id": "col_source", "source_line": "col_source_line",
	"end_date": "col_end_date", "evidence": "col_evidence", "fiscal": "col_fiscal", "funding_fiscal": "col_fiscal",
	"grain": "grain", "purpose": "col_purpose", "qualifier": "col_qualifier", "status": "load_status",
	"unit": "col_unit", "year": "col_year", "invest_total": "col_invest_total", "invest_fiscal": "col_invest_fiscal",
	"invest_self": "col_invest_self", "original": "col_original",
}

// rowHeader names a drill-down column in the reader's language; the
// sheets' extra attributes keep the names the sheets gave them.
func rowHeader(col, lang string) string {
	for _, nc := range namedColumns {
		if nc.col == col {
			return tr(lang, nc.head)
		}
	}
	if k, ok := rowOnlyHeads[col]; ok {
		return tr(lang, k)
	}
	return col
}

// rowCodeColumns are written as names in the analysts' table too: a place,
// level or kind code means nothing on a page (exports keep the codes).
var rowCodeColumns = map[string]bool{"district_code": true, "place_code": true, "level": true, "kind": true}

// analystTable is the full drill-down table for readers with row access:
// every column, headed in the reader's language (codes kept as the
// headers' titles), codes of places, levels and kinds as names.
func analystTable(rows *analytics.Rows, lang string) (heads, codes []string, cells [][]string) {
	codes = rows.Columns
	for _, c := range codes {
		heads = append(heads, rowHeader(c, lang))
	}
	cells = stringRows(rows.Rows)
	for i, r := range rows.Rows {
		for j, c := range codes {
			if rowCodeColumns[c] && j < len(r) {
				cells[i][j] = namedCell(c, r[j], rows.Metric.Unit, lang)
			}
		}
	}
	return heads, codes, cells
}
