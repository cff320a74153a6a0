package analytics

import (
	"math"
	"time"

	"github.com/zibo-kj/corridor/vocab"
)

// buildSeries turns aggregated rows into a gap-filled series over [from, to):
// flows get 0 in empty periods, cumulative metrics a running total from the
// first record, stocks the last level carried forward; every filled point
// is marked. Then growth rates and the total.
func buildSeries(m Metric, rows []raw, grain string, from, to time.Time) Series {
	s := Series{Metric: m, Grain: grain, Points: []Point{}}
	vals := map[time.Time]raw{}
	var before float64 // cumulative total before the range
	var carried *raw   // last stock level before the range
	for _, r := range rows {
		p := r.P.UTC()
		if p.Before(from) {
			before += r.V
			if carried == nil || p.After(carried.P) {
				rc := r
				carried = &rc
			}
			continue
		}
		vals[p] = r
	}
	run := before
	var last *Point
	for t := from; !from.IsZero() && t.Before(to); t = nextPeriod(t, grain) {
		pt := Point{Period: vocab.PeriodCode(t, vocab.Grain(grain)), Start: t}
		r, ok := vals[t]
		switch {
		case m.Cumulative:
			run += r.V
			pt.Value, pt.Filled, pt.Approx = run, !ok, ok && r.A > 0 || last != nil && last.Approx
		case m.Agg == "last" && ok:
			pt.Value, pt.Approx = r.V, r.A > 0
		case m.Agg == "last" && last != nil:
			pt.Value, pt.Filled, pt.Approx = last.Value, true, last.Approx
		case m.Agg == "last" && carried != nil:
			pt.Value, pt.Filled, pt.Approx = carried.V, true, carried.A > 0
		case m.Agg == "last":
			pt.Missing, pt.Filled = true, true
		default:
			pt.Value, pt.Filled, pt.Approx = r.V, !ok, ok && r.A > 0
		}
		s.Points = append(s.Points, pt)
		last = &s.Points[len(s.Points)-1]
	}
	growth(&s)
	return s
}

// growth fills YoY and period-on-period changes, the total and the CAGR.
func growth(s *Series) {
	idx := map[time.Time]int{}
	for i, p := range s.Points {
		idx[p.Start] = i
	}
	var first, lastPt *Point
	for i := range s.Points {
		p := &s.Points[i]
		if p.Missing {
			continue
		}
		if j, ok := idx[p.Start.AddDate(-1, 0, 0)]; ok && !s.Points[j].Missing {
			p.YoY = ratio(p.Value, s.Points[j].Value)
		}
		if i > 0 && !s.Points[i-1].Missing {
			p.PoP = ratio(p.Value, s.Points[i-1].Value)
		}
		s.Approx = s.Approx || p.Approx
		if s.Metric.Type == "flow" {
			s.Total += p.Value
		}
		if first == nil && p.Value > 0 {
			first = p
		}
		lastPt = p
	}
	if lastPt != nil && s.Metric.Type == "stock" {
		s.Total = lastPt.Value
	}
	if first != nil && lastPt != nil && lastPt.Start.After(first.Start) && lastPt.Value > 0 {
		years := lastPt.Start.Sub(first.Start).Hours() / 24 / 365.2425
		c := math.Pow(lastPt.Value/first.Value, 1/years) - 1
		s.CAGR = &c
	}
}
