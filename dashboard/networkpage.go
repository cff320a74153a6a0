package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/charts"
)

// networkPage shows the partner network of Jinan partners and Zibo
// institutions.
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
