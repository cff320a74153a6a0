package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/dashboard/i18n"
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
			ch, err := charts.Network("network", i18n.T(p.Lang, "ch_partner_network_jinan_partners_zibo"), n, p.Lang)
			ch.Drill = "/drill?" + p.Query + "&" // every node and edge carries its own metric, by and value
			return p.addChart(ch, err, p.apiURL("network", nil))
		},
	}})
}
