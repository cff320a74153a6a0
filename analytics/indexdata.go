package analytics

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"reflect"
	"time"

	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/vocab"
)

// IndexReport is the corridor integration index with everything it needs
// to explain itself: the result (headline, band, contributions, coverage),
// the coupling coordination degree and the method note in both languages.
type IndexReport struct {
	Config   index.Config          `json:"config"`
	Result   *index.Result         `json:"result"`
	Coupling *index.CouplingResult `json:"coupling,omitempty"`
	MethodZH string                `json:"method_zh"`
	MethodEN string                `json:"method_en"`
	Warnings []string              `json:"warnings,omitempty"`
}

// Index computes the integration index by year under f's dimensions over
// every complete year, then cuts it to f's period: from= and to= choose the
// years shown, never what a year is worth or which year is the base.
// The computation over all years (the Monte Carlo band above all) is
// remembered until the data change, per dimensions and method: every
// period filter shares it.
func (s *Service) Index(ctx context.Context, f Filter, cfg index.Config, now time.Time) (*IndexReport, error) {
	cb, err := json.Marshal(cfg)
	if err != nil {
		return nil, fmt.Errorf("analytics: index: %w", err)
	}
	h := fnv.New64a()
	h.Write(cb)
	key := fmt.Sprintf("index|%s|%x|%d", f.dimsKey(), h.Sum64(), now.Year())
	v, err := s.remember(ctx, key, func() (any, error) {
		series, err := s.Series(ctx, indicatorCodes(cfg), allYears(f))
		if err != nil {
			return nil, err
		}
		return computeIndex(series, cfg, now, scoped(f))
	})
	if err != nil {
		return nil, err
	}
	from, to := yearsOf(f)
	w, err := s.remember(ctx, key+"|window "+from+"-"+to, func() (any, error) { return v.(*fullIndex).window(cfg, f), nil })
	if err != nil {
		return nil, err
	}
	return w.(*IndexReport), nil
}

// allYears is f by year with its period removed: what the index reads.
func allYears(f Filter) Filter {
	f.From, f.To, f.Grain = time.Time{}, time.Time{}, "year"
	return f
}

// fullIndex is the index over every complete year, before a period filter
// cuts it: what Index remembers.
type fullIndex struct {
	res         *index.Result
	coupling    *index.CouplingResult
	couplingErr error
}

// computeIndex computes the index and the coupling over all years of series.
func computeIndex(series []Series, cfg index.Config, now time.Time, scoped bool) (*fullIndex, error) {
	data := index.Data{}
	for _, sr := range series {
		pts := []index.Point{}
		for _, p := range sr.Points {
			if !nextPeriod(p.Start, "year").After(now) {
				pts = append(pts, indexPoint(sr.Metric, p))
			}
		}
		data[sr.Metric.Code] = pts
	}
	res, err := index.Compute(cfg, data)
	if err != nil {
		return nil, fmt.Errorf("analytics: index: %w", err)
	}
	full := &fullIndex{res: res}
	if cfg.Coupling != nil {
		full.coupling, full.couplingErr = index.Coupling(*cfg.Coupling, data, !scoped)
	}
	return full, nil
}

// window cuts the index to f's years and writes its method note.
func (full *fullIndex) window(cfg index.Config, f Filter) *IndexReport {
	from, to := yearsOf(f)
	rep := &IndexReport{Config: cfg, Result: full.res.Window(from, to)}
	if full.couplingErr != nil {
		rep.Warnings = append(rep.Warnings, "analytics: "+full.couplingErr.Error())
	} else if full.coupling != nil {
		rep.Coupling = full.coupling.Window(from, to)
	}
	rep.MethodZH = index.MethodNote(cfg, rep.Result, "zh")
	rep.MethodEN = index.MethodNote(cfg, rep.Result, "en")
	return rep
}

// indexPoint is a series point as the index reads it. A statistic (an
// observation metric) without a figure for the year was not reported: it
// is missing, not the 0 (flow) or carried level (stock) the series shows,
// and the index decides how to impute it (a stock carries its last value,
// flagged as imputed). A register count without a record is a real 0 —
// nothing happened that year — and a running total is real either way.
func indexPoint(m Metric, p Point) index.Point {
	missing := p.Missing || p.Filled && m.Observation != "" && !m.Cumulative
	if missing {
		return index.Point{Period: p.Period, Missing: true}
	}
	return index.Point{Period: p.Period, Value: p.Value, Approx: p.Approx}
}

// yearsOf is f's period as the first and last year codes it touches; empty
// where f is open. A year partly inside the filter is shown whole: the
// index is yearly.
func yearsOf(f Filter) (from, to string) {
	if !f.From.IsZero() {
		from = vocab.PeriodCode(truncate(f.From, "year"), vocab.Grain("year"))
	}
	if !f.To.IsZero() {
		to = vocab.PeriodCode(truncate(f.To.Add(-time.Nanosecond), "year"), vocab.Grain("year"))
	}
	return from, to
}

// scoped reports whether f narrows the data to part of the corridor (a
// district, partner, industry, level …): the coupling's reference levels
// are set for the whole corridor, so its grades apply only when nothing is
// narrowed. Every field but the period and grain counts, so a filter field
// added later is counted without anyone remembering to list it here.
func scoped(f Filter) bool {
	v := reflect.ValueOf(f)
	for i := range v.NumField() {
		switch fv := v.Field(i); {
		case v.Type().Field(i).Name == "Grain" || fv.Type() == reflect.TypeFor[time.Time]():
		case fv.Kind() == reflect.Slice:
			if fv.Len() > 0 {
				return true
			}
		case !fv.IsZero():
			return true
		}
	}
	return false
}

// indicatorCodes lists every code the config reads: indicators, the
// candidates left out (for the correlation matrix) and the coupling's.
func indicatorCodes(cfg index.Config) []string { return cfg.Codes() }
