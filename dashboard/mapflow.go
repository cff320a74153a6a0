package dashboard

import (
	"fmt"
	"slices"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/charts"
)

// mapData is the map page's pickers: the metric of the Zibo map and the
// measure of the corridor's lines.
type mapData struct {
	Metrics  []option
	Measures []option
}

// flowMeasure is the page's ?measure=, joint platforms unless given.
func flowMeasure(c *fiber.Ctx) (string, error) {
	m := c.Query("measure", charts.MeasurePlatforms)
	if !slices.Contains(charts.FlowMeasures, m) {
		return "", &analytics.ParamError{Param: "measure", Value: m, Msg: fmt.Sprintf("want one of %v", charts.FlowMeasures)}
	}
	return m, nil
}

// measureOptions lists the corridor map's measures for the picker.
func measureOptions(selected, lang string) []option {
	var out []option
	for _, m := range charts.FlowMeasures {
		name, _ := charts.MeasureName(m, lang)
		out = append(out, option{m, name, m == selected})
	}
	return out
}

// addCorridorMap adds the corridor flow map to a desk page: the lines
// from the partners' cities to the home districts, still (no effect).
func (s *Server) addCorridorMap(c *fiber.Ctx, p *page, f analytics.Filter, measure string) error {
	cor, err := s.an.Corridor(c.UserContext(), f)
	if err != nil {
		return err
	}
	name, _ := charts.MeasureName(measure, p.Lang)
	ch, err := charts.FlowMap("map-corridor", fmt.Sprintf(tr(p.Lang, "map_flow_title"), name), cor, measure, charts.FlowStyle{}, p.Lang)
	return p.addChart(ch, err, p.apiURL("corridor", nil))
}

// apiCorridor is the corridor map's data: the flows partner city → home
// district with their platforms, projects and funding (JSON, CSV, XLSX).
func (s *Server) apiCorridor(c *fiber.Ctx) error {
	f, err := s.filter(c, "format")
	if err != nil {
		return err
	}
	cor, err := s.an.Corridor(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.respond(c, f, "corridor", cor, func(lang string) []sheet { return corridorSheet(cor, lang) })
}

// corridorSheet is one row per flow, and the partners left off the map.
func corridorSheet(cor *analytics.Corridor, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	sh := sheet{Title: t("map"), Cols: []string{t("col_partner_city"), t("col_home_district"), t("col_area_code"),
		t("col_platforms_n"), t("col_projects_n"), withUnit(t("col_funding"), "元", lang), t("col_approx")}}
	for _, fl := range cor.Flows {
		sh.Rows = append(sh.Rows, []any{fl.From, fl.To, fl.ToCode, fl.Platforms, fl.Projects, num(fl.Funding), flag(fl.Approx, lang)})
	}
	out := []sheet{sh}
	if len(cor.Unplaced) > 0 {
		un := sheet{Title: t("col_unplaced"), Cols: []string{t("col_item")}}
		for _, name := range cor.Unplaced {
			un.Rows = append(un.Rows, []any{name})
		}
		out = append(out, un)
	}
	return out
}
