package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
)

// platformsPage shows the joint platforms: new and cumulative, and by
// partner, district and level.
func (s *Server) platformsPage() fiber.Handler {
	return s.serveCharts(chartsPage{key: "platforms", charts: []func(*Server, *fiber.Ctx, *page, analytics.Filter) error{
		trendChart("platforms-trend", "title_platforms_trend", "platforms_new", "platforms_cum"),
		breakdownChart("platforms-partner", "title_platforms_partner", "platforms_cum", "partner", 12),
		breakdownChart("platforms-district", "title_platforms_district", "platforms_cum", "district", 12),
		breakdownChart("platforms-level", "title_platforms_level", "platforms_cum", "level", 0),
	}})
}
