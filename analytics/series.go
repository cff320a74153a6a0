package analytics

import (
	"context"
	"math"
	"slices"
	"strings"
	"time"

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

// Series computes metrics under f from the facts of their views.
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

// seriesRows reads the per-period rows of ms under f from the facts of
// their views (facts.go): one statement per view and date column for all
// its catalog metrics, one for every statistic, each over all time and
// places and remembered until the data change; f's places and period are
// applied here. Rows before f's start stay: buildSeries starts running
// totals and carries stock levels from them.
func (s *Service) seriesRows(ctx context.Context, ms []Metric, f Filter) ([]raw, map[string][]string, error) {
	gran := factGrain(f)
	pl := placesOf(f)
	ignored := map[string][]string{}
	var rows []raw
	for _, m := range ms {
		fs, err := s.metricFacts(ctx, m, gran, f)
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, periodRows(m, factKey(m), fs, f.Grain, pl, f.To)...)
		ignored[m.Code] = ignoredDims(m.Table, f)
	}
	return rows, ignored, nil
}

// metricFacts reads the facts that hold m: the statistics' for an
// observation metric, else those of m's view and date column, for every
// count and sum metric of the catalog read there.
func (s *Service) metricFacts(ctx context.Context, m Metric, gran string, f Filter) ([]fact, error) {
	if m.Observation != "" {
		return s.facts(ctx, "observation facts", f, func() (string, []any) { return observationFactsSQL(f) })
	}
	var group []Metric
	for _, c := range s.Catalog.Metrics {
		if c.Table == m.Table && c.Date == m.Date && c.Observation == "" {
			group = append(group, c)
		}
	}
	if !slices.ContainsFunc(group, func(c Metric) bool { return c.Code == m.Code }) {
		group = append(group, m) // a metric of another catalog (tests build their own)
	}
	codes := make([]string, len(group))
	for i, c := range group {
		codes[i] = c.Code
	}
	return s.facts(ctx, "facts of "+m.Table+"."+m.Date+" by "+gran+" for "+strings.Join(codes, ","), f, func() (string, []any) { return recordFactsSQL(group, gran, f) })
}

// factKey is how m's facts are keyed: the statistic's name for an
// observation metric, else the metric's code.
func factKey(m Metric) string {
	if m.Observation != "" {
		return m.Observation
	}
	return m.Code
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
