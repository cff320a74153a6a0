package analytics

import (
	"context"
	"fmt"
	"time"

	"github.com/zibo-kj/corridor/analytics/index"
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

// Index computes the integration index by year under f, from complete
// years only (a year still running would look like a fall).
func (s *Service) Index(ctx context.Context, f Filter, cfg index.Config, now time.Time) (*IndexReport, error) {
	f.Grain = "year"
	series, err := s.Series(ctx, indicatorCodes(cfg), f)
	if err != nil {
		return nil, err
	}
	return indexFromSeries(series, cfg, now)
}

// indexFromSeries computes the index from yearly series that include every
// indicator (pages that already fetched them save a round trip).
func indexFromSeries(series []Series, cfg index.Config, now time.Time) (*IndexReport, error) {
	var err error
	data := index.Data{}
	for _, sr := range series {
		pts := []index.Point{}
		for _, p := range sr.Points {
			if nextPeriod(p.Start, "year").After(now) {
				continue
			}
			pts = append(pts, index.Point{Period: p.Period, Value: p.Value, Approx: p.Approx, Missing: p.Missing})
		}
		data[sr.Metric.Code] = pts
	}
	rep := &IndexReport{Config: cfg}
	if rep.Result, err = index.Compute(cfg, data); err != nil {
		return nil, fmt.Errorf("analytics: index: %w", err)
	}
	if cfg.Coupling != nil {
		if rep.Coupling, err = index.Coupling(*cfg.Coupling, data, true); err != nil {
			rep.Warnings = append(rep.Warnings, err.Error())
		}
	}
	rep.MethodZH = index.MethodNote(cfg, rep.Result, "zh")
	rep.MethodEN = index.MethodNote(cfg, rep.Result, "en")
	return rep, nil
}

// indicatorCodes lists every code the config reads: indicators, the
// candidates left out (for the correlation matrix) and the coupling's.
func indicatorCodes(cfg index.Config) []string { return cfg.Codes() }
