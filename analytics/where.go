package analytics

import (
	"strings"
	"time"
)

// metricWhere is the one WHERE clause behind a metric under a filter, shared
// by series, breakdowns and drill-down rows so they always count the same
// records: the period (cumulative and stock metrics read from the first
// record, so running totals and carried levels are right at the start), the
// catalog's fixed predicate, the observation name and the filter's
// dimensions. It returns the clause, its bind values and the dimensions the
// metric's view lacks.
func metricWhere(m Metric, f Filter) (string, []any, []string) {
	from := f.From
	if m.Cumulative || m.Agg == "last" {
		from = time.Time{}
	}
	where, args := rangePreds(m.Date, Filter{From: from, To: f.To})
	if m.Where != "" {
		where = append(where, m.Where)
	}
	if m.Observation != "" {
		where, args = append(where, "metric = ?"), append(args, m.Observation)
	}
	preds, pargs, ignored := f.predicates(m.Table)
	where, args = append(where, preds...), append(args, pargs...)
	return strings.Join(where, " AND "), args, ignored
}

// approxExpr is how a view marks a figure stated as approximate.
func approxExpr(table string) string {
	if table == "observations_current" {
		return "qualifier != ''"
	}
	return "approx"
}
