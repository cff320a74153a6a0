package dashboard

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/charts"
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
func trendChart(id, zh, en string, codes ...string) func(*Server, *fiber.Ctx, *page, analytics.Filter) error {
	return func(s *Server, c *fiber.Ctx, p *page, f analytics.Filter) error {
		ss, err := s.an.Series(c.UserContext(), codes, f)
		if err != nil {
			return err
		}
		ch, err := charts.Trend(id, charts.T(p.Lang, zh, en), ss, p.Lang)
		q := url.Values{"metric": {strings.Join(codes, ",")}}
		ch.Drill = "/drill?" + p.Query + "&metric=" + url.QueryEscape(codes[0]) + "&period="
		return p.addChart(ch, err, p.apiURL("series", q))
	}
}

// breakdownChart splits a metric by a dimension; bars drill down to rows.
func breakdownChart(id, zh, en, code, by string, top int) func(*Server, *fiber.Ctx, *page, analytics.Filter) error {
	return func(s *Server, c *fiber.Ctx, p *page, f analytics.Filter) error {
		b, err := s.an.Breakdown(c.UserContext(), code, by, top, f)
		if err != nil {
			return err
		}
		ch, err := charts.Breakdown(id, charts.T(p.Lang, zh, en), b, p.Lang)
		ch.Drill = "/drill?" + p.Query + "&metric=" + url.QueryEscape(code) + "&by=" + by + "&value="
		return p.addChart(ch, err, p.apiURL("breakdown", url.Values{"metric": {code}, "by": {by}, "top": {strconv.Itoa(top)}}))
	}
}

func (s *Server) platformsPage() fiber.Handler {
	return s.serveCharts(chartsPage{key: "platforms", charts: []func(*Server, *fiber.Ctx, *page, analytics.Filter) error{
		trendChart("platforms-trend", "新增与累计共建平台", "New and cumulative joint platforms", "platforms_new", "platforms_cum"),
		breakdownChart("platforms-partner", "按合作高校院所（累计）", "By Jinan partner (cumulative)", "platforms_cum", "partner", 12),
		breakdownChart("platforms-district", "按区县（累计）", "By district (cumulative)", "platforms_cum", "district", 12),
		breakdownChart("platforms-level", "按级别（累计）", "By level (cumulative)", "platforms_cum", "level", 0),
	}})
}

func (s *Server) projectsPage() fiber.Handler {
	return s.serveCharts(chartsPage{key: "projects", charts: []func(*Server, *fiber.Ctx, *page, analytics.Filter) error{
		trendChart("projects-trend", "新增合作项目", "New joint projects", "projects_new"),
		trendChart("funding-trend", "资金投入（财政与总额）", "Funding (fiscal and total)", "funding_fiscal", "funding_total"),
		flowsChart,
		breakdownChart("projects-industry", "合作项目按产业（区间内新增）", "Projects by industry (new in range)", "projects_new", "industry", 10),
		breakdownChart("projects-partner", "合作项目按合作单位", "Projects by partner", "projects_new", "partner", 10),
	}})
}

func flowsChart(s *Server, c *fiber.Ctx, p *page, f analytics.Filter) error {
	fl, err := s.an.Flows(c.UserContext(), f, 7) // more payers, recipients or industries than this crowd the labels; the rest fold into 其他
	if err != nil {
		return err
	}
	ch, err := charts.Sankey("funding-flows", charts.T(p.Lang, "资金流向：拨付单位 → 接收单位 → 产业", "Funding flows: payer → recipient → industry"), fl, p.Lang)
	ch.Drill = "/drill?" + p.Query + "&" // each node carries its level's metric, by and value
	return p.addChart(ch, err, p.apiURL("flows", nil))
}

func (s *Server) networkPage() fiber.Handler {
	return s.serveCharts(chartsPage{key: "network", charts: []func(*Server, *fiber.Ctx, *page, analytics.Filter) error{
		func(s *Server, c *fiber.Ctx, p *page, f analytics.Filter) error {
			n, err := s.an.Network(c.UserContext(), f, 48) // two columns of names stay readable up to about this many
			if err != nil {
				return err
			}
			ch, err := charts.Network("network", charts.T(p.Lang, "济淄合作网络（高校院所 ↔ 淄博单位）", "Partner network (Jinan partners ↔ Zibo institutions)"), n, p.Lang)
			ch.Drill = "/drill?" + p.Query + "&" // every node and edge carries its own metric, by and value
			return p.addChart(ch, err, p.apiURL("network", nil))
		},
	}})
}
