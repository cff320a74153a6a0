package analytics

import (
	"context"
	"fmt"
	"slices"
	"time"

	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/vocab"
)

// fact is one aggregated cell read from the engine: what a metric (or one
// group of a breakdown) came to in one place on one month or day, for the
// figures reported at grain G (a funding line or statistic may be annual).
type fact struct {
	K     string    `ch:"k"`
	At    time.Time `ch:"at"`
	Place string    `ch:"place"`
	G     string    `ch:"g"`
	V     float64   `ch:"v"`
	A     uint8     `ch:"a"`
}

// end is when the period a fact reports on ends: a day or month cell is
// cut by f's bounds like any date (bounds fall on cells), an annual or
// quarterly figure covers its whole period.
func (x fact) end() time.Time {
	if g := vocab.Grain(x.G); g.Coarser(vocab.GrainMonth) {
		return vocab.NextStart(x.At, g)
	}
	return x.At.AddDate(0, 0, 1)
}

// within reports whether the fact's whole period lies in [from, to) (zero
// bounds open): a year's figure is not part of its first quarter, nor of a
// range that stops before the year ends.
func (x fact) within(from, to time.Time) bool {
	return (from.IsZero() || !x.At.Before(from)) && (to.IsZero() || !x.end().After(to))
}

// isTotal reports whether a statistic's fact is a total stated for a city
// or the province (全市技术合同成交额), which its districts' figures make up:
// never added to them.
func isTotal(m Metric, x fact) bool {
	return m.Observation != "" && vocab.IsTotalPlace(x.Place)
}

// factGrain is the time cell facts are read in for f: months when f's
// bounds fall on month starts (every range the dashboard offers), days
// otherwise, so that cutting facts to f's range is exact.
func factGrain(f Filter) string {
	if aligned(f.From, "month") && aligned(f.To, "month") {
		return "month"
	}
	return "day"
}

// facts runs a facts statement once per data version and key (the
// filter's dimensions but its places and period, which facts never hold).
func (s *Service) facts(ctx context.Context, key string, f Filter, sqlOf func() (string, []any)) ([]fact, error) {
	return readFacts(ctx, s, key, f, sqlOf, func(x *fact) { x.At = x.At.UTC() })
}

// readFacts runs a statement that reads facts of any shape (per time cell
// and place: facts, network ties, funding flows) once per data version,
// key and filter dimensions; utc puts a row's dates in UTC, as every
// period bound is.
func readFacts[T any](ctx context.Context, s *Service, key string, f Filter, sqlOf func() (string, []any), utc func(*T)) ([]T, error) {
	v, err := s.remember(ctx, "facts|"+key+"|"+f.dimsKeyNoPlace(), func() (any, error) {
		q, args := sqlOf()
		var rows []T
		if err := s.Conn.Select(ctx, &rows, q, args...); err != nil {
			return nil, fmt.Errorf("analytics: %s: %w", key, chsql.Wrap(err))
		}
		for i := range rows {
			utc(&rows[i])
		}
		return rows, nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]T), nil
}

// places is the set of place codes a filter keeps; nil keeps every place.
type places map[string]bool

func placesOf(f Filter) places {
	if len(f.Districts) == 0 {
		return nil
	}
	p := places{}
	for _, d := range f.Districts {
		p[d] = true
	}
	return p
}

func (p places) keep(code string) bool { return p == nil || p[code] }

// level accumulates one period of a metric: a sum, or for a "last" metric
// the places' sum on the period's latest day.
type level struct {
	sum     float64
	days    map[time.Time]float64
	a       uint8
	counted bool
}

func (l *level) add(m Metric, x fact) {
	l.counted = true
	l.a = max(l.a, x.A)
	if m.Agg != "last" {
		l.sum += x.V
		return
	}
	if l.days == nil {
		l.days = map[time.Time]float64{}
	}
	l.days[x.At] += x.V
}

func (l *level) value(m Metric) float64 {
	if m.Agg != "last" {
		return l.sum
	}
	var last time.Time
	for d := range l.days {
		if d.After(last) {
			last = d
		}
	}
	return l.days[last]
}

// cut is how a series reads facts: its grain, places and period.
type cut struct {
	grain    string
	pl       places
	from, to time.Time
}

// periodFigures is one metric's facts arranged by period at a grain.
type periodFigures struct {
	rows     []raw                 // per period: sums; levels for "last" metrics
	stated   map[time.Time]float64 // a city's own figure beside the sum of its districts
	only     map[time.Time]bool    // no district reported: the row is the city's figure
	unplaced float64               // figures of a coarser grain than the series' (an annual line in a quarterly series)
}

// periodRows turns one metric's facts into its per-period rows at c's
// grain. Cells from c.to on are left out; earlier ones stay, for running
// totals and carried levels (a flow's cells before c.from too, but the
// series starts at c.from). A figure of a coarser grain than the series'
// has no period in it and is counted in unplaced. A statistic stated for
// a city is shown beside its districts' sum, and stands for the period
// only where no district reported.
func periodRows(m Metric, code string, fs []fact, c cut) periodFigures {
	parts, totals := map[time.Time]*level{}, map[time.Time]*level{}
	at := func(mp map[time.Time]*level, p time.Time) *level {
		l := mp[p]
		if l == nil {
			l = &level{}
			mp[p] = l
		}
		return l
	}
	out := periodFigures{stated: map[time.Time]float64{}, only: map[time.Time]bool{}}
	grain := vocab.Grain(c.grain)
	for _, x := range fs {
		if x.K != code || !c.pl.keep(x.Place) || !x.within(time.Time{}, c.to) {
			continue
		}
		if !m.Cumulative && m.Agg != "last" && !c.from.IsZero() && x.At.Before(c.from) {
			continue // a flow counts from c.from (running totals and levels need what came before)
		}
		if vocab.Grain(x.G).Coarser(grain) {
			if x.within(c.from, c.to) {
				out.unplaced += x.V
			}
			continue
		}
		p := truncate(x.At, c.grain)
		if isTotal(m, x) {
			at(totals, p).add(m, x)
			continue
		}
		at(parts, p).add(m, x)
	}
	for p, t := range totals {
		out.stated[p] = t.value(m)
		if _, ok := parts[p]; !ok {
			parts[p], out.only[p] = t, true
		}
	}
	for p, l := range parts {
		out.rows = append(out.rows, raw{Metric: m.Code, P: p, V: l.value(m), A: l.a})
	}
	slices.SortFunc(out.rows, func(a, b raw) int { return a.P.Compare(b.P) })
	return out
}

// reduce is what one metric's facts (already narrowed to one group) come
// to over f's period in f's places: flows summed over the period,
// cumulative metrics from the first record, "last" metrics the level of
// the latest day. Only figures whose whole period lies in f's count; a
// statistic's city total counts only where no district reported in the
// period. approx is set when any figure counted was approximate.
func reduce(m Metric, fs []fact, f Filter, pl places) (v float64, approx bool) {
	from := f.From
	if m.Cumulative || m.Agg == "last" {
		from = time.Time{}
	}
	var parts, totals level
	for _, x := range fs {
		if !pl.keep(x.Place) || !x.within(from, f.To) {
			continue
		}
		if isTotal(m, x) {
			totals.add(m, x)
		} else {
			parts.add(m, x)
		}
	}
	l := parts
	if !parts.counted {
		l = totals
	}
	return l.value(m), l.a > 0
}
