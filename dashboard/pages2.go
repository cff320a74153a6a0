package dashboard

import (
	"net/url"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/vocab"
)

func (s *Server) carriersPage() fiber.Handler {
	return s.serveCharts(chartsPage{key: "carriers", charts: []func(*Server, *fiber.Ctx, *page, analytics.Filter) error{
		chainChart,
		trendChart("carriers-trend", "双创载体认定（累计）", "Innovation carriers (cumulative)", "carriers_total", "carriers_provincial_plus"),
		breakdownChart("carriers-level", "按级别（累计）", "By level (cumulative)", "carriers_total", "level", 0),
		breakdownChart("carriers-district", "按区县（累计）", "By district (cumulative)", "carriers_total", "district", 0),
	}})
}

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
	ch, err := charts.Chain("carriers-chain", charts.T(p.Lang, "创新创业链条：苗圃 → 众创空间 → 孵化器 → 加速器 → 产业园", "Chain: nursery → maker space → incubator → accelerator → park"), stages, p.Lang)
	return p.addChart(ch, err, p.apiURL("breakdown", url.Values{"metric": {"carriers_total"}, "by": {"kind"}}))
}

// mapPage colours Zibo's districts and Shandong's cities by any metric.
func (s *Server) mapPage(c *fiber.Ctx) error {
	f, err := s.filter(c, "metric", "measure")
	if err != nil {
		return err
	}
	code := c.Query("metric", "platforms_cum")
	measure, err := flowMeasure(c)
	if err != nil {
		return err
	}
	p := s.newPage(c, "map")
	if err := s.markSamples(c, p, f); err != nil {
		return err
	}
	// First the corridor on the Shandong map (mapflow.go): the flows from
	// the partners' cities, which shade every city with data, not Zibo
	// alone; then Zibo by district.
	if err := s.addCorridorMap(c, p, f, measure); err != nil {
		return err
	}
	b, err := s.an.Breakdown(c.UserContext(), code, "district", 0, f)
	if err != nil {
		return err
	}
	zibo, _ := regionValues(b)
	name := charts.T(p.Lang, b.Metric.NameZH, b.Metric.NameEN)
	ch, err := charts.Choropleth("map-zibo", charts.T(p.Lang, "淄博市各区县：", "Zibo by district: ")+name, "淄博", zibo, b.Metric.Unit, p.Lang)
	ch.Drill = "/drill?" + p.Query + "&metric=" + url.QueryEscape(code) + "&by=district&value="
	ch.Wide = true // the page's two maps each take a row
	if err := p.addChart(ch, err, p.apiURL("breakdown", url.Values{"metric": {code}, "by": {"district"}})); err != nil {
		return err
	}
	ms, err := s.an.Metrics(c.UserContext(), f)
	if err != nil {
		return err
	}
	p.Data = mapData{Metrics: metricOptions(ms, code, p.Lang), Measures: measureOptions(measure, p.Lang)}
	return s.render(c, "map", p)
}

// regionValues maps district codes to Zibo district names and sums by city.
func regionValues(b *analytics.Breakdown) (zibo, cities map[string]float64) {
	zibo, cities = map[string]float64{}, map[string]float64{}
	byCode := map[string]vocab.Place{}
	for _, pl := range vocab.Places() {
		byCode[pl.Code] = pl
	}
	for _, r := range b.Rows {
		pl, ok := byCode[r.Key]
		if !ok {
			continue
		}
		if pl.City == vocab.DefaultHomeCity && pl.Level == vocab.LevelDistrict {
			zibo[pl.Name] += r.Value
		}
		city := pl.City
		if pl.Level == "city" {
			city = pl.Name
		}
		if city != "" {
			cities[city] += r.Value
		}
	}
	return zibo, cities
}

func metricOptions(ms []analytics.Metric, selected, lang string) []option {
	var out []option
	for _, m := range ms {
		out = append(out, option{m.Code, charts.T(lang, m.NameZH, m.NameEN), m.Code == selected})
	}
	return out
}
