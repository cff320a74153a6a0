package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/charts"
)

// projectsPage shows the joint projects and their funding, with the
// funding flows from payer to recipient to industry.
func (s *Server) projectsPage() fiber.Handler {
	return s.serveCharts(chartsPage{key: "projects", charts: []func(*Server, *fiber.Ctx, *page, analytics.Filter) error{
		trendChart("projects-trend", "新增合作项目", "New joint projects", "projects_new"),
		trendChart("funding-trend", "资金投入（财政与总额）", "Funding (fiscal and total)", "funding_fiscal", "funding_total"),
		flowsChart,
		breakdownChart("projects-industry", "合作项目按产业（区间内新增）", "Projects by industry (new in range)", "projects_new", "industry", 10),
		breakdownChart("projects-partner", "合作项目按合作单位", "Projects by partner", "projects_new", "partner", 10),
	}})
}

// flowsChart draws the funding flows as a sankey.
func flowsChart(s *Server, c *fiber.Ctx, p *page, f analytics.Filter) error {
	fl, err := s.an.Flows(c.UserContext(), f, 7) // more payers, recipients or industries than this crowd the labels; the rest fold into 其他
	if err != nil {
		return err
	}
	ch, err := charts.Sankey("funding-flows", charts.T(p.Lang, "资金流向：拨付单位 → 接收单位 → 产业", "Funding flows: payer → recipient → industry"), fl, p.Lang)
	ch.Drill = "/drill?" + p.Query + "&" // each node carries its level's metric, by and value
	return p.addChart(ch, err, p.apiURL("flows", nil))
}
