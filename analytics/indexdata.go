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

// Supply and uptake subsystems for the coupling coordination degree:
// what the Jinan side brings, and what Zibo absorbs.
var (
	jinanSupply = index.Subsystem{Code: "jinan_supply", NameZH: "济南创新资源供给", NameEN: "Jinan-side supply", Indicators: []index.Indicator{
		{Code: "platforms_new", Weight: 0.25, Direction: 1}, {Code: "projects_new", Weight: 0.25, Direction: 1},
		{Code: "experts", Weight: 0.25, Direction: 1}, {Code: "agreements_new", Weight: 0.25, Direction: 1}}}
	ziboUptake = index.Subsystem{Code: "zibo_uptake", NameZH: "淄博承接转化", NameEN: "Zibo-side uptake", Indicators: []index.Indicator{
		{Code: "contracts_value", Weight: 0.25, Direction: 1}, {Code: "funding_fiscal", Weight: 0.25, Direction: 1},
		{Code: "carriers_total", Weight: 0.25, Direction: 1}, {Code: "talents", Weight: 0.25, Direction: 1}}}
)

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
	if rep.Coupling, err = index.Coupling(jinanSupply, ziboUptake, data, 0.5, 0.5); err != nil {
		rep.Warnings = append(rep.Warnings, err.Error())
	}
	rep.MethodZH = index.MethodNote(cfg, rep.Result, "zh")
	rep.MethodEN = index.MethodNote(cfg, rep.Result, "en")
	return rep, nil
}

// indicatorCodes lists the config's indicators plus the coupling's.
func indicatorCodes(cfg index.Config) []string {
	seen := map[string]bool{}
	var out []string
	add := func(c string) {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, p := range cfg.Pillars {
		for _, in := range p.Indicators {
			add(in.Code)
		}
	}
	for _, ss := range []index.Subsystem{jinanSupply, ziboUptake} {
		for _, in := range ss.Indicators {
			add(in.Code)
		}
	}
	return out
}
