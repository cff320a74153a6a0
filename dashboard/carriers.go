package dashboard

import (
	"net/url"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/vocab"
)

// carriersPage shows the innovation carriers: the start-up chain, their
// recognitions over time, and by level and district.
func (s *Server) carriersPage() fiber.Handler {
	return s.serveCharts(chartsPage{key: "carriers", charts: []func(*Server, *fiber.Ctx, *page, analytics.Filter) error{
		chainChart,
		trendChart("carriers-trend", "title_carriers_trend", "carriers_total", "carriers_provincial_plus"),
		breakdownChart("carriers-level", "title_carriers_level", "carriers_total", "level", 0),
		breakdownChart("carriers-district", "title_carriers_district", "carriers_total", "district", 0),
	}})
}

// chainChart draws the carriers along the path a start-up takes.
func chainChart(s *Server, c *fiber.Ctx, p *page, f analytics.Filter) error {
	b, err := s.an.Breakdown(c.UserContext(), "carriers_total", "kind", 0, f)
	if err != nil {
		return err
	}
	byKind := map[string]float64{}
	for _, r := range b.Rows {
		byKind[r.Key] = r.Value
	}
	var stages []charts.Stage
	for _, k := range vocab.CarrierKinds() { // the path a start-up takes
		stages = append(stages, charts.Stage{Name: k.Name(p.Lang), Value: byKind[k.Code]})
	}
	ch, err := charts.Chain("carriers-chain", i18n.T(p.Lang, "ch_chain_nursery_maker_space_incubator"), stages, p.Lang)
	return p.addChart(ch, err, p.apiURL("breakdown", url.Values{"metric": {"carriers_total"}, "by": {"kind"}}))
}
