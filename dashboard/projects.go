package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/dashboard/i18n"
)

// projectsPage shows the joint projects and their funding, with the
// funding flows from payer to recipient to industry.
func (s *Server) projectsPage() fiber.Handler {
	return s.serveCharts(chartsPage{key: "projects", charts: []func(*Server, *fiber.Ctx, *page, analytics.Filter) error{
		trendChart("projects-trend", "title_projects_trend", "projects_new"),
		trendChart("funding-trend", "title_funding_trend", "funding_fiscal", "funding_total"),
		flowsChart,
		breakdownChart("projects-industry", "title_projects_industry", "projects_new", "industry", 10),
		breakdownChart("projects-partner", "title_projects_partner", "projects_new", "partner", 10),
	}})
}

// flowsChart draws the funding flows as a sankey.
func flowsChart(s *Server, c *fiber.Ctx, p *page, f analytics.Filter) error {
	fl, err := s.an.Flows(c.UserContext(), f, 7) // more payers, recipients or industries than this crowd the labels; the rest fold into 其他
	if err != nil {
		return err
	}
	ch, err := charts.Sankey("funding-flows", i18n.T(p.Lang, "ch_funding_flows_payer_recipient_indust"), fl, p.Lang)
	ch.Drill = "/drill?" + p.Query + "&" // each node carries its level's metric, by and value
	return p.addChart(ch, err, p.apiURL("flows", nil))
}
