package dashboard

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/dashboard/i18n"
)

// chartsPage is a page made only of charts over one filter.
type chartsPage struct {
	key    string
	charts []func(s *Server, c *fiber.Ctx, p *page, f analytics.Filter) error
}

// serveCharts renders a charts page: the filter, then each chart builder.
func (s *Server) serveCharts(cp chartsPage) fiber.Handler {
	return func(c *fiber.Ctx) error {
		f, err := s.filter(c)
		if err != nil {
			return err
		}
		p := s.newPage(c, cp.key)
		if err := s.markSamples(c, p, f); err != nil {
			return err
		}
		for _, build := range cp.charts {
			if err := build(s, c, p, f); err != nil {
				return err
			}
		}
		return s.render(c, "charts", p)
	}
}

// trendChart draws metrics over time under the page filter.
func trendChart(id, title string, codes ...string) func(*Server, *fiber.Ctx, *page, analytics.Filter) error {
	return func(s *Server, c *fiber.Ctx, p *page, f analytics.Filter) error {
		ss, err := s.an.Series(c.UserContext(), codes, f)
		if err != nil {
			return err
		}
		ch, err := charts.Trend(id, i18n.T(p.Lang, title), ss, p.Lang)
		q := url.Values{"metric": {strings.Join(codes, ",")}}
		ch.Drill = "/drill?" + p.Query + "&metric=" + url.QueryEscape(codes[0]) + "&period="
		return p.addChart(ch, err, p.apiURL("series", q))
	}
}

// breakdownChart splits a metric by a dimension; bars drill down to rows.
func breakdownChart(id, title, code, by string, top int) func(*Server, *fiber.Ctx, *page, analytics.Filter) error {
	return func(s *Server, c *fiber.Ctx, p *page, f analytics.Filter) error {
		b, err := s.an.Breakdown(c.UserContext(), code, by, top, f)
		if err != nil {
			return err
		}
		ch, err := charts.Breakdown(id, i18n.T(p.Lang, title), b, p.Lang)
		ch.Drill = "/drill?" + p.Query + "&metric=" + url.QueryEscape(code) + "&by=" + by + "&value="
		return p.addChart(ch, err, p.apiURL("breakdown", url.Values{"metric": {code}, "by": {by}, "top": {strconv.Itoa(top)}}))
	}
}
