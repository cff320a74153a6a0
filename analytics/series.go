package analytics

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	chsql "github.com/zibo-kj/corridor/sql"
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
	q, args, ignored := seriesSQL(ms, f)
	var rows []raw
	if err := s.Conn.Select(ctx, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("analytics: series: %w", chsql.Wrap(err))
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

// seriesSQL is one UNION ALL of per-metric aggregations.
func seriesSQL(ms []Metric, f Filter) (string, []any, map[string][]string) {
	var parts []string
	var args []any
	ignored := map[string][]string{}
	for _, m := range ms {
		q, a, ign := metricSQL(m, f)
		parts = append(parts, q)
		args = append(args, a...)
		ignored[m.Code] = ign
	}
	return strings.Join(parts, "\nUNION ALL\n"), args, ignored
}

var truncFn = map[string]string{"month": "toStartOfMonth", "quarter": "toStartOfQuarter", "year": "toStartOfYear"}

// metricSQL aggregates one metric per period. Cumulative and stock metrics
// read from the first record (no lower bound) so the running total and the
// carried-forward level are right at the start of the range.
func metricSQL(m Metric, f Filter) (string, []any, []string) {
	where, args, ignored := []string{"1"}, []any{m.Code}, []string(nil)
	if !f.From.IsZero() && !m.Cumulative && m.Agg != "last" {
		where = append(where, m.Date+" >= ?")
		args = append(args, f.From)
	}
	if !f.To.IsZero() {
		where = append(where, m.Date+" < ?")
		args = append(args, f.To)
	}
	if m.Where != "" {
		where = append(where, m.Where)
	}
	if m.Observation != "" {
		where = append(where, "metric = ?")
		args = append(args, m.Observation)
	}
	preds, pargs, ignored := f.predicates(m.Table)
	where = append(where, preds...)
	args = append(args, pargs...)
	approx := "approx"
	if m.Table == "observations_current" {
		approx = "qualifier != ''"
	}
	trunc := truncFn[f.Grain]
	var q string
	switch m.Agg {
	case "last":
		q = fmt.Sprintf(`SELECT ? AS mcode, toDate(%s(ps)) AS p, argMax(v, ps) AS v, max(a) AS a FROM (
SELECT %s AS ps, toFloat64(sum(%s)) AS v, toUInt8(max(%s)) AS a FROM %s WHERE %s GROUP BY ps) GROUP BY p`,
			trunc, m.Date, m.Column, approx, m.Table, strings.Join(where, " AND "))
	default:
		val := "count()"
		if m.Agg == "sum" {
			val = "sum(" + m.Column + ")"
		}
		q = fmt.Sprintf("SELECT ? AS mcode, toDate(%s(%s)) AS p, toFloat64(%s) AS v, toUInt8(max(%s)) AS a FROM %s WHERE %s GROUP BY p",
			trunc, m.Date, val, approx, m.Table, strings.Join(where, " AND "))
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

func nextPeriod(t time.Time, grain string) time.Time {
	switch grain {
	case "month":
		return t.AddDate(0, 1, 0)
	case "quarter":
		return t.AddDate(0, 3, 0)
	}
	return t.AddDate(1, 0, 0)
}

// Label formats a period start for a grain: 2021, 2021Q1, 2021-03.
func Label(t time.Time, grain string) string {
	switch grain {
	case "month":
		return t.Format("2006-01")
	case "quarter":
		return fmt.Sprintf("%dQ%d", t.Year(), (int(t.Month())+2)/3)
	}
	return fmt.Sprint(t.Year())
}

func ratio(cur, prev float64) *float64 {
	if prev == 0 || math.IsNaN(prev) {
		return nil
	}
	r := cur/prev - 1
	return &r
}
