package analytics

import (
	"context"
	"fmt"
	"slices"
	"time"

	chsql "github.com/zibo-kj/corridor/sql"
)

// fact is one aggregated cell read from the engine: what a metric (or one
// group of a breakdown) came to in one place on one month or day.
type fact struct {
	K     string    `ch:"k"`
	At    time.Time `ch:"at"`
	Place string    `ch:"place"`
	V     float64   `ch:"v"`
	A     uint8     `ch:"a"`
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
	v, err := s.remember(ctx, "facts|"+key+"|"+f.dimsKeyNoPlace(), func() (any, error) {
		q, args := sqlOf()
		var rows []fact
		if err := s.Conn.Select(ctx, &rows, q, args...); err != nil {
			return nil, fmt.Errorf("analytics: %s: %w", key, chsql.Wrap(err))
		}
		for i := range rows {
			rows[i].At = rows[i].At.UTC()
		}
		return rows, nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]fact), nil
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

// inRange reports whether a cell starting at at lies in [from, to); zero
// bounds are open.
func inRange(at, from, to time.Time) bool {
	return (from.IsZero() || !at.Before(from)) && (to.IsZero() || at.Before(to))
}

// periodRows turns one metric's facts into its per-period rows at grain:
// sums for count and sum metrics; for "last" metrics the level of the
// latest day of each period (the places summed per day). Cells from To on
// are left out; earlier ones stay, for running totals and carried levels.
func periodRows(m Metric, code string, fs []fact, grain string, pl places, to time.Time) []raw {
	type acc struct {
		v, lastV float64
		last     time.Time
		a        uint8
	}
	var days map[time.Time]*acc
	if m.Agg == "last" {
		days = map[time.Time]*acc{}
	}
	per := map[time.Time]*acc{}
	add := func(at time.Time, v float64, a uint8) {
		p := truncate(at, grain)
		c := per[p]
		if c == nil {
			c = &acc{}
			per[p] = c
		}
		c.v += v
		c.a = max(c.a, a)
	}
	for _, f := range fs {
		if f.K != code || !pl.keep(f.Place) || !inRange(f.At, time.Time{}, to) {
			continue
		}
		if days == nil {
			add(f.At, f.V, f.A)
			continue
		}
		d := days[f.At]
		if d == nil {
			d = &acc{}
			days[f.At] = d
		}
		d.v += f.V
		d.a = max(d.a, f.A)
	}
	for at, d := range days {
		p := truncate(at, grain)
		c := per[p]
		if c == nil {
			c = &acc{}
			per[p] = c
		}
		if c.last.IsZero() || at.After(c.last) {
			c.last, c.lastV = at, d.v
		}
		c.a = max(c.a, d.a)
	}
	out := make([]raw, 0, len(per))
	for p, c := range per {
		v := c.v
		if days != nil {
			v = c.lastV
		}
		out = append(out, raw{Metric: m.Code, P: p, V: v, A: c.a})
	}
	slices.SortFunc(out, func(a, b raw) int { return a.P.Compare(b.P) })
	return out
}

// reduce is what one metric's facts (already narrowed to one group) come
// to over f's period in f's places: flows summed over the period,
// cumulative metrics from the first record, "last" metrics the level of
// the latest day. approx is set when any figure counted was approximate.
func reduce(m Metric, fs []fact, f Filter, pl places) (v float64, approx bool) {
	from := f.From
	if m.Cumulative || m.Agg == "last" {
		from = time.Time{}
	}
	var lastAt time.Time
	days := map[time.Time]float64{}
	for _, x := range fs {
		if !pl.keep(x.Place) || !inRange(x.At, from, f.To) {
			continue
		}
		approx = approx || x.A > 0
		if m.Agg != "last" {
			v += x.V
			continue
		}
		days[x.At] += x.V
		if x.At.After(lastAt) {
			lastAt = x.At
		}
	}
	if m.Agg == "last" {
		v = days[lastAt]
	}
	return v, approx
}
