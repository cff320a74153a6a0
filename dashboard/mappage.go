package dashboard

import (
	"net/url"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/vocab"
)

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
	name := i18n.Pick(p.Lang, b.Metric.NameZH, b.Metric.NameEN)
	ch, err := charts.Choropleth("map-zibo", i18n.T(p.Lang, "ch_zibo_by_district")+name, "淄博", zibo, b.Metric.Unit, p.Lang)
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
		out = append(out, option{m.Code, i18n.Pick(lang, m.NameZH, m.NameEN), m.Code == selected})
	}
	return out
}
