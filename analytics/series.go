package analytics

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/vocab"
)

// Point is one period of a series.
type Point struct {
	Period  string    `json:"period"` // 2021, 2021Q1, 2021-03
	Start   time.Time `json:"start"`
	Value   float64   `json:"value"`
	Filled  bool      `json:"filled,omitempty"`  // no record this period: 0 for flows, carried forward for stocks
	Missing bool      `json:"missing,omitempty"` // a stock before its first observation
	Approx  bool      `json:"approx,omitempty"`  // includes figures stated as approximate (30余): lower bounds
	YoY     *float64  `json:"yoy,omitempty"`     // change against the same period a year before (0.12 = +12%)
	PoP     *float64  `json:"pop,omitempty"`     // change against the previous period
}

// Series is one metric over time under one filter.
type Series struct {
	Metric  Metric   `json:"metric"`
	Grain   string   `json:"grain"`
	Points  []Point  `json:"points"`
	Total   float64  `json:"total"` // flows: sum over the range; stocks: the last value
	CAGR    *float64 `json:"cagr,omitempty"`
	Approx  bool     `json:"approx"`
	Ignored []string `json:"ignored_filters,omitempty"`
}

// raw is one aggregated row from the engine.
type raw struct {
	Metric string    `ch:"mcode"`
	P      time.Time `ch:"p"`
	V      float64   `ch:"v"`
	A      uint8     `ch:"a"`
}

// Series computes metrics under f in one round trip to ClickHouse.
func (s *Service) Series(ctx context.Context, codes []string, f Filter) ([]Series, error) {
	ms, err := s.resolve(ctx, codes)
	if err != nil {
		return nil, err
	}
	rows, ignored, err := s.seriesRows(ctx, ms, f)
	if err != nil {
		return nil, err
	}
	byMetric := map[string][]raw{}
	for _, r := range rows {
		byMetric[r.Metric] = append(byMetric[r.Metric], r)
	}
	from, to := rangeOf(rows, f)
	out := make([]Series, len(ms))
	for i, m := range ms {
		out[i] = buildSeries(m, byMetric[m.Code], f.Grain, from, to)
		out[i].Ignored = ignored[m.Code]
	}
	return out, nil
}

// seriesResult is what one series statement returned.
type seriesResult struct {
	rows    []raw
	ignored map[string][]string
}

// seriesRows runs the series statement for ms under f. A period made of
// whole periods of the grain is read over all time (remembered until the
// data change) and cut here, so the many ranges people ask for share one
// statement per metric set, grain and dimensions.
func (s *Service) seriesRows(ctx context.Context, ms []Metric, f Filter) ([]raw, map[string][]string, error) {
	q := f
	cut := aligned(f.From, f.Grain) && aligned(f.To, f.Grain)
	if cut {
		q.From, q.To = time.Time{}, time.Time{}
	}
	codes := make([]string, len(ms))
	for i, m := range ms {
		codes[i] = m.Code
	}
	key := fmt.Sprintf("series|%s|%s|%s|%s|%s", strings.Join(codes, ","), q.Grain, q.dimsKey(), q.From.Format(time.DateOnly), q.To.Format(time.DateOnly))
	v, err := s.remember(ctx, key, func() (any, error) {
		sq, args, ignored := seriesSQL(ms, q)
		var rows []raw
		if err := s.Conn.Select(ctx, &rows, sq, args...); err != nil {
			return nil, fmt.Errorf("analytics: series: %w", chsql.Wrap(err))
		}
		return seriesResult{rows, ignored}, nil
	})
	if err != nil {
		return nil, nil, err
	}
	res := v.(seriesResult)
	if !cut || f.To.IsZero() {
		return res.rows, res.ignored, nil
	}
	// Rows before From stay: buildSeries starts running totals and carries
	// stock levels from them, as it did when the statement read from the
	// first record for those metrics.
	rows := make([]raw, 0, len(res.rows))
	for _, r := range res.rows {
		if r.P.Before(f.To) {
			rows = append(rows, r)
		}
	}
	return rows, res.ignored, nil
}

// seriesSQL is one UNION ALL: one aggregation per view for the count and
// sum metrics that share it (each read of a *_current view redoes FINAL and
// the committed-sources filter, so reading it once per table is what makes
// a page fast), and one per "last" metric.
func seriesSQL(ms []Metric, f Filter) (string, []any, map[string][]string) {
	var parts []string
	var args []any
	ignored := map[string][]string{}
	groups := map[string][]Metric{}
	var order []string
	for _, m := range ms {
		if m.Agg == "last" {
			q, a, ign := metricSQL(m, f)
			parts, args, ignored[m.Code] = append(parts, q), append(args, a...), ign
			continue
		}
		k := m.Table + "|" + m.Date
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], m)
	}
	for _, k := range order {
		q, a, ign := groupSQL(groups[k], f)
		parts, args = append(parts, q), append(args, a...)
		for _, m := range groups[k] {
			ignored[m.Code] = ign
		}
	}
	return strings.Join(parts, "\nUNION ALL\n"), args, ignored
}

// groupSQL aggregates several count/sum metrics of one view in one pass:
// each metric's own condition goes into countIf/sumIf, the results are
// arrays, and ARRAY JOIN turns them back into (metric, period) rows. A
// period where a metric has no record yields no row, as before.
func groupSQL(ms []Metric, f Filter) (string, []any, []string) {
	table, date := ms[0].Table, ms[0].Date
	approx := approxExpr(table)
	var codes, vals, aps, has, conds []string
	for _, m := range ms {
		c := metricCond(m, f)
		conds = append(conds, c)
		codes = append(codes, quoteLit(m.Code))
		v := "toFloat64(countIf(" + c + "))"
		if m.Agg == "sum" {
			v = "toFloat64(sumIf(" + m.Column + ", " + c + "))"
		}
		vals = append(vals, v)
		aps = append(aps, "toUInt8(maxIf("+approx+", "+c+"))")
		has = append(has, "countIf("+c+") > 0")
	}
	where, args := []string{"(" + strings.Join(conds, " OR ") + ")"}, []any{}
	if !f.To.IsZero() {
		where, args = append(where, date+" < ?"), append(args, f.To)
	}
	preds, pargs, ignored := f.predicates(table)
	where, args = append(where, preds...), append(args, pargs...)
	q := fmt.Sprintf(`SELECT mcode, p, v, a FROM (
SELECT toDate(%s(%s)) AS p, [%s] AS vs, [%s] AS as_, [%s] AS hs FROM %s WHERE %s GROUP BY p
) ARRAY JOIN [%s] AS mcode, vs AS v, as_ AS a, hs AS h WHERE h`,
		truncFn[f.Grain], date, strings.Join(vals, ", "), strings.Join(aps, ", "), strings.Join(has, ", "),
		table, strings.Join(where, " AND "), strings.Join(codes, ", "))
	return q, args, ignored
}

// metricCond is a metric's own condition within its view, with values
// written as literals (the catalog's predicates are trusted; names and
// dates are quoted) so the condition can repeat without re-binding.
func metricCond(m Metric, f Filter) string {
	c := []string{"1"}
	if m.Where != "" {
		c = append(c, "("+m.Where+")")
	}
	if m.Observation != "" {
		c = append(c, "metric = "+quoteLit(m.Observation))
	}
	if !f.From.IsZero() && !m.Cumulative {
		c = append(c, m.Date+" >= toDate("+quoteLit(f.From.Format("2006-01-02"))+")")
	}
	return "(" + strings.Join(c, " AND ") + ")"
}

// quoteLit writes a ClickHouse string literal.
func quoteLit(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

var truncFn = map[string]string{"month": "toStartOfMonth", "quarter": "toStartOfQuarter", "year": "toStartOfYear"}

// metricSQL aggregates one metric per period. Cumulative and stock metrics
// read from the first record (no lower bound) so the running total and the
// carried-forward level are right at the start of the range.
func metricSQL(m Metric, f Filter) (string, []any, []string) {
	where, wargs, ignored := metricWhere(m, f)
	args := append([]any{m.Code}, wargs...)
	approx := approxExpr(m.Table)
	trunc := truncFn[f.Grain]
	var q string
	switch m.Agg {
	case "last":
		q = fmt.Sprintf(`SELECT ? AS mcode, toDate(%s(ps)) AS p, argMax(v, ps) AS v, max(a) AS a FROM (
SELECT %s AS ps, toFloat64(sum(%s)) AS v, toUInt8(max(%s)) AS a FROM %s WHERE %s GROUP BY ps) GROUP BY p`,
			trunc, m.Date, m.Column, approx, m.Table, where)
	default:
		val := "count()"
		if m.Agg == "sum" {
			val = "sum(" + m.Column + ")"
		}
		q = fmt.Sprintf("SELECT ? AS mcode, toDate(%s(%s)) AS p, toFloat64(%s) AS v, toUInt8(max(%s)) AS a FROM %s WHERE %s GROUP BY p",
			trunc, m.Date, val, approx, m.Table, where)
	}
	return q, args, ignored
}

// rangeOf is the filter's range, or the data's where the filter is open.
func rangeOf(rows []raw, f Filter) (from, to time.Time) {
	from, to = f.From, f.To
	for _, r := range rows {
		if f.From.IsZero() && (from.IsZero() || r.P.Before(from)) {
			from = r.P
		}
		if end := nextPeriod(r.P, f.Grain); f.To.IsZero() && end.After(to) {
			to = end
		}
	}
	return truncate(from, f.Grain), to
}

func truncate(t time.Time, grain string) time.Time {
	if t.IsZero() {
		return t
	}
	switch grain {
	case "month":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case "quarter":
		return time.Date(t.Year(), t.Month()-(t.Month()-1)%3, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
}

func nextPeriod(t time.Time, grain string) time.Time { return vocab.NextStart(t, vocab.Grain(grain)) }

func ratio(cur, prev float64) *float64 {
	if prev == 0 || math.IsNaN(prev) {
		return nil
	}
	r := cur/prev - 1
	return &r
}
