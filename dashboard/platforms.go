package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
)

// platformsPage shows the joint platforms: new and cumulative, and by
// partner, district and level.
func (s *Server) platformsPage() fiber.Handler {
	return s.serveCharts(chartsPage{key: "platforms", charts: []func(*Server, *fiber.Ctx, *page, analytics.Filter) error{
		trendChart("platforms-trend", "新增与累计共建平台", "New and cumulative joint platforms", "platforms_new", "platforms_cum"),
		breakdownChart("platforms-partner", "按合作高校院所（累计）", "By Jinan partner (cumulative)", "platforms_cum", "partner", 12),
		breakdownChart("platforms-district", "按区县（累计）", "By district (cumulative)", "platforms_cum", "district", 12),
		breakdownChart("platforms-level", "按级别（累计）", "By level (cumulative)", "platforms_cum", "level", 0),
	}})
}
