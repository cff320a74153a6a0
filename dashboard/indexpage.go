package dashboard

import (
	"errors"
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/vocab"
)

// indexData is the index page's own content.
type indexData struct {
	Report *analytics.IndexReport
	// Years is the index by year: one central value, its band, coverage.
	Years []indexYear
	// Indicators is the latest year's indicators, from raw value to
	// contribution.
	Indicators []indicatorRow
	LastYear   string
	// NoBase names the indicators left out for lack of base-year data.
	NoBase string
	// Method is the method note in the page's language.
	Method index.Note
}

func (s *Server) indexPage(c *fiber.Ctx) error {
	f, err := s.filter(c)
	if err != nil {
		return err
	}
	p := s.newPage(c, "index")
	if err := s.markSamples(c, p, f); err != nil {
		return err
	}
	rep, err := s.an.Index(c.UserContext(), f, s.weights, time.Now())
	var be *index.BaseError
	if errors.As(err, &be) {
		p.Notice = be.Message(p.Lang)
		p.Data = indexData{}
		return s.render(c, "index", p)
	}
	if err != nil {
		return err
	}
	r := rep.Result
	// Each chart downloads the table it draws (see indexTables).
	for _, b := range []struct {
		table string
		build func() (charts.Chart, error)
	}{
		{"years", func() (charts.Chart, error) {
			return charts.IndexBand("index-band", tr(p.Lang, "index_latest"), r, p.Lang)
		}},
		{"pillars", func() (charts.Chart, error) {
			return charts.Radar("index-radar", i18n.T(p.Lang, "ch_pillars_latest_year_base_100"), r, p.Lang)
		}},
		{"contributions", func() (charts.Chart, error) {
			return charts.Contributions("index-contrib", i18n.T(p.Lang, "ch_pillar_contributions"), r, p.Lang)
		}},
		{"coupling", func() (charts.Chart, error) {
			return charts.Coupling("index-coupling", i18n.T(p.Lang, "ch_coupling_coordination_jinan_supply_z"), rep.Coupling, p.Lang)
		}},
	} {
		ch, err := b.build()
		if err := p.addChart(ch, err, p.apiURL("index", url.Values{"table": {b.table}})); err != nil {
			return err
		}
	}
	p.Data = newIndexData(rep, p.Lang)
	return s.render(c, "index", p)
}

// newIndexData prepares the tables and the method note for the template.
func newIndexData(rep *analytics.IndexReport, lang string) indexData {
	r := rep.Result
	d := indexData{Report: rep, Years: indexYears(r, lang), Method: index.Method(rep.Config, r, lang)}
	if n := len(r.Periods); n > 0 {
		d.LastYear = vocab.PeriodLabel(r.Periods[n-1], lang)
		d.Indicators = indicatorRows(r, n-1, lang)
	}
	d.NoBase = joinNames(r, r.NoBase, lang)
	return d
}
