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
	YoY     *float64  `json:"yoy,omitempty"`     // change against the same period a year before (0.12 = +12%); a partial point against the same part
	// Partial marks a period the range covers only in part; Label names the part (2025年1—3月).
	Partial bool   `json:"partial,omitempty"`
	Label   string `json:"label,omitempty"`
	LabelEN string `json:"label_en,omitempty"`
	// Stated is the figure a city reported for itself this period (全市…),
	// shown beside the sum of its districts, which is Value; StatedOnly
	// says no district reported, so Value is the city's own figure.
	Stated     *float64 `json:"stated,omitempty"`
	StatedOnly bool     `json:"stated_only,omitempty"`
	PoP        *float64 `json:"pop,omitempty"` // change against the previous period
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
	// Unplaced is what figures reported for a longer period than the
	// grain come to (an annual funding line in a quarterly series): they
	// have no place among the points and are not in them.
	Unplaced float64 `json:"unplaced,omitempty"`
}

// raw is one aggregated row from the engine.
type raw struct {
	Metric string    `ch:"mcode"`
	P      time.Time `ch:"p"`
	V      float64   `ch:"v"`
	A      uint8     `ch:"a"`
}

// Series computes metrics under f from the facts of their views (facts.go):
// one statement per view and date column for all its catalog metrics, one
// for every statistic, each over all time and places and remembered until
// the data change; f's places and period are applied here.
func (s *Service) Series(ctx context.Context, codes []string, f Filter) ([]Series, error) {
	ms, err := s.resolve(ctx, codes)
	if err != nil {
		return nil, err
	}
	c := cut{grain: f.Grain, pl: placesOf(f), from: f.From, to: f.To}
	figs := make([]periodFigures, len(ms))
	facts := make([][]fact, len(ms))
	var rows []raw
	for i, m := range ms {
		if facts[i], err = s.metricFacts(ctx, m, factGrain(f), f); err != nil {
			return nil, err
		}
		figs[i] = periodRows(m, factKey(m), facts[i], c)
		rows = append(rows, figs[i].rows...)
	}
	from, to := rangeOf(rows, f)
	out := make([]Series, len(ms))
	for i, m := range ms {
		// Rows before from stay: buildSeries starts running totals and
		// carries stock levels from them.
		out[i] = buildSeries(m, figs[i].rows, f.Grain, from, to)
		out[i].Ignored = ignoredDims(m.Table, f)
		out[i].Unplaced = figs[i].unplaced
		for j := range out[i].Points {
			p := &out[i].Points[j]
			if v, ok := figs[i].stated[p.Start]; ok && !p.Filled {
				p.Stated, p.StatedOnly = &v, figs[i].only[p.Start]
			}
		}
		markParts(&out[i], m, facts[i], f, c.pl)
	}
	return out, nil
}

// markParts labels a first or last point that f's range covers only in
// part (to=2025Q1 at grain year: 2025年1—3月) and compares it with the same
// part of the year before, like with like, instead of with a whole period.
func markParts(sr *Series, m Metric, fs []fact, f Filter, pl places) {
	if (f.From.IsZero() || aligned(f.From, sr.Grain)) && (f.To.IsZero() || aligned(f.To, sr.Grain)) {
		return // whole periods only
	}
	code := factKey(m)
	var mine []fact
	for _, x := range fs {
		if x.K == code {
			mine = append(mine, x)
		}
	}
	for j := range sr.Points {
		p := &sr.Points[j]
		start, end := p.Start, nextPeriod(p.Start, sr.Grain)
		if !f.From.IsZero() && f.From.After(start) {
			start = f.From
		}
		if !f.To.IsZero() && f.To.Before(end) {
			end = f.To
		}
		if start.Equal(p.Start) && end.Equal(nextPeriod(p.Start, sr.Grain)) {
			continue
		}
		p.Partial, p.Label, p.LabelEN, p.PoP = true, vocab.PartLabel(start, end, "zh"), vocab.PartLabel(start, end, "en"), nil
		prev, _ := reduce(m, mine, Filter{From: start.AddDate(-1, 0, 0), To: end.AddDate(-1, 0, 0)}, pl)
		p.YoY = ratio(p.Value, prev)
	}
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
