package analytics

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/zibo-kj/corridor/analytics/index"
	chsql "github.com/zibo-kj/corridor/sql"
)

// KPI is one headline number with its change on the year before.
type KPI struct {
	Code   string   `json:"code"`
	NameZH string   `json:"name_zh"`
	NameEN string   `json:"name_en"`
	Unit   string   `json:"unit"`
	Period string   `json:"period"` // the year it is for
	Value  float64  `json:"value"`
	YoY    *float64 `json:"yoy,omitempty"`
	Approx bool     `json:"approx,omitempty"`
	// Ignored lists the filters the card's metric has no dimension for
	// (a partner filter on 科技型企业数): the card shows it did not apply them.
	Ignored []string `json:"ignored_filters,omitempty"`
}

// Overview is everything the leaders' first page shows.
type Overview struct {
	Year    string       `json:"year"` // last complete year shown in the KPIs
	KPIs    []KPI        `json:"kpis"`
	Trends  []Series     `json:"trends"`
	Index   *IndexReport `json:"index,omitempty"`
	Targets []Attainment `json:"targets"`
	Sample  bool         `json:"sample"` // some data shown is sample data (示例数据)
	Samples Samples      `json:"samples"`
	Notes   []string     `json:"notes,omitempty"`
}

// OverviewKPIs are the overview's headline metrics.
var OverviewKPIs = []string{"platforms_cum", "projects_cum", "funding_fiscal", "contracts_value", "carriers_provincial_plus", "experts"}

// Overview gathers KPIs, yearly trends, the index and targets, side by
// side. The index reads every year whatever the period filter (a year's
// value must not depend on it) and is remembered until the data change.
func (s *Service) Overview(ctx context.Context, f Filter, cfg index.Config, now time.Time) (*Overview, error) {
	f.Grain = "year"
	var (
		all                      []Series
		rep                      *IndexReport
		targets                  []Attainment
		samples                  Samples
		errS, errI, errT, errSam error
		wg                       sync.WaitGroup
	)
	wg.Add(4)
	go func() { defer wg.Done(); all, errS = s.Series(ctx, OverviewKPIs, f) }()
	go func() { defer wg.Done(); rep, errI = s.Index(ctx, f, cfg, now) }()
	go func() { defer wg.Done(); targets, errT = s.Targets(ctx, 0, f) }()
	go func() { defer wg.Done(); samples, errSam = s.Samples(ctx, f) }()
	wg.Wait()
	if err := errors.Join(errS, errT, errSam); err != nil {
		return nil, err
	}
	o := &Overview{Trends: all, Targets: targets, Sample: samples.Shown, Samples: samples, Index: rep}
	for _, sr := range all {
		o.KPIs = append(o.KPIs, kpiOf(sr, now))
	}
	if len(o.KPIs) > 0 {
		o.Year = o.KPIs[0].Period
	}
	if errI != nil { // the rest of the page stands without the index
		if chsql.KindOf(errI) == chsql.KindUnavailable || errors.Is(errI, context.Canceled) {
			return nil, errI
		}
		o.Notes = append(o.Notes, "index: "+errI.Error())
	}
	return o, nil
}

// dedupe keeps the first occurrence of each code, in order.
func dedupe(codes []string) []string {
	seen := map[string]bool{}
	out := codes[:0:0]
	for _, c := range codes {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// kpiOf takes the last complete year of a series.
func kpiOf(sr Series, now time.Time) KPI {
	k := KPI{Code: sr.Metric.Code, NameZH: sr.Metric.NameZH, NameEN: sr.Metric.NameEN, Unit: sr.Metric.Unit, Ignored: sr.Ignored}
	for i := len(sr.Points) - 1; i >= 0; i-- {
		p := sr.Points[i]
		if nextPeriod(p.Start, "year").After(now) || p.Missing || p.Partial {
			continue
		}
		k.Period, k.Value, k.YoY, k.Approx = p.Period, p.Value, p.YoY, p.Approx
		break
	}
	return k
}
