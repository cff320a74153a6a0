package dashboard

import (
	"fmt"
	"math"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/dashboard/i18n"
)

// overviewData is the overview page's own content.
type overviewData struct {
	KPIs        []analytics.KPI
	Year        string
	IndexLatest *float64
	IndexBand   [2]float64
	IndexYear   string
	// IndexCoverage is the latest year's coverage when below 100%: the card
	// says the number rests on part of the data.
	IndexCoverage string
	Targets       []analytics.Attainment
	Notes         []string
}

// overviewPage: KPI cards with YoY, the index with its band, trends, targets.
func (s *Server) overviewPage(c *fiber.Ctx) error {
	f, err := s.filter(c)
	if err != nil {
		return err
	}
	p := s.newPage(c, "overview")
	o, err := s.overview(c, f)
	if err != nil {
		return err
	}
	p.setSamples(o.Samples)
	d := overviewData{KPIs: o.KPIs, Year: o.Year, Targets: o.Targets, Notes: o.Notes}
	if o.Index != nil && len(o.Index.Result.Periods) > 0 && !math.IsNaN(o.Index.Result.Headline[len(o.Index.Result.Periods)-1]) {
		r := o.Index.Result
		last := len(r.Periods) - 1
		v := r.Headline[last]
		d.IndexLatest, d.IndexYear = &v, r.Periods[last]
		if len(r.Band.P5) > last {
			d.IndexBand = [2]float64{r.Band.P5[last], r.Band.P95[last]}
		}
		if r.Coverage[last] < 1-index.Tolerance {
			d.IndexCoverage = fmt.Sprintf("%.0f%%", 100*r.Coverage[last])
		}
		ch, err := charts.IndexBand("index", tr(p.Lang, "index_latest"), r, p.Lang)
		if err := p.addChart(ch, err, p.apiURL("index", url.Values{"table": {"years"}})); err != nil {
			return err
		}
	}
	byCode := map[string]analytics.Series{}
	for _, sr := range o.Trends {
		byCode[sr.Metric.Code] = sr
	}
	groups := []struct {
		id, title string
		codes     []string
	}{
		{"trend-platforms", "trend_ties", []string{"platforms_cum", "projects_cum"}},
		{"trend-funding", "trend_funding", []string{"funding_fiscal"}},
		{"trend-contracts", "trend_contracts", []string{"contracts_value"}},
	}
	for _, g := range groups {
		var ss []analytics.Series
		for _, code := range g.codes {
			ss = append(ss, byCode[code])
		}
		ch, err := charts.Trend(g.id, i18n.T(p.Lang, g.title), ss, p.Lang)
		if err := p.addChart(ch, err, p.apiURL("series", url.Values{"metric": {strings.Join(g.codes, ",")}})); err != nil { // one value: the API splits it at commas
			return err
		}
	}
	p.Data = d
	return s.render(c, "overview", p)
}
