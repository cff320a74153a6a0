package charts

import (
	"maps"
	"slices"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/vocab"
)

// Choropleth colours the regions of a registered map ("山东" by city,
// "淄博" by district) by value; region names must match the map's features.
func Choropleth(id, title, mapName string, values map[string]float64, unit, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 480, Maps: []string{mapName}}
	maxV := 0.0
	for _, v := range values {
		maxV = max(maxV, v)
	}
	div, unitLabel := vocab.ScaleFor(maxV, unit, lang)
	c.Note = unitLabel + " · " + i18n.T(lang, "map_notice")
	var data []opts.MapData
	for _, name := range slices.Sorted(maps.Keys(values)) { // one order: the same data give the same option
		data = append(data, opts.MapData{Name: name, Value: round2(values[name] / div)})
	}
	m := charts.NewMap()
	m.RegisterMapType(mapName)
	m.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}), // one series: the title says what it is
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(true), Min: 0, Max: float32(max(round2(maxV/div), 1)),
			Text: []string{i18n.T(lang, "ch_high"), i18n.T(lang, "ch_low")}, InRange: &opts.VisualMapInRange{Color: []string{"#e6f0fa", "#0b5cad"}}}),
	)
	m.AddSeries(title, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), FontSize: 10}))
	var err error
	c.Option, err = jsonOf(m, nil)
	if err == nil {
		c.Option, err = withUnit(c.Option, unitLabel)
	}
	if err == nil {
		c.Option, err = patchSeries(c.Option, func(_ int, s map[string]any) {
			// No dot at each region's centre (a map series draws its legend
			// symbol there): the shade is the value. Names keep a halo, to be
			// read on the darkest shade too.
			s["showLegendSymbol"] = false
			s["label"] = map[string]any{"show": true, "fontSize": 10, "color": "#1f2329", "textBorderColor": "#fff", "textBorderWidth": 2}
			apartLabels(s)
		})
	}
	c.Empty = len(values) == 0
	return c, err
}

// apartLabels moves the names of regions whose label points lie close
// together (周村区 and 张店区) to their far sides, so they never overlap.
func apartLabels(s map[string]any) {
	data, _ := s["data"].([]any)
	for _, d := range data {
		m, _ := d.(map[string]any)
		if m == nil {
			continue
		}
		name, _ := m["name"].(string)
		if off, ok := labelOffsets[name]; ok {
			m["label"] = map[string]any{"offset": off}
		}
	}
}

// Stage is one step of the innovation carrier chain.
type Stage struct {
	Name  string
	Value float64
}

// Chain draws the 苗圃 → 孵化器 → 加速器 → 产业园 chain in its own order (not
// sorted by size: the order is the path a start-up takes).
func Chain(id, title string, stages []Stage, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 340, Note: i18n.T(lang, "ch_recognitions_upgrades_included")}
	total := 0.0
	var data []opts.FunnelData
	for _, s := range stages {
		total += s.Value
		data = append(data, opts.FunnelData{Name: s.Name, Value: s.Value})
	}
	if total == 0 {
		c.Empty = true
		return c, nil
	}
	f := charts.NewFunnel()
	f.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	f.AddSeries(title, data, charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Sort = "none" }),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "inside"}))
	var err error
	c.Option, err = jsonOf(f, nil)
	if err == nil {
		c.Option, err = withUnit(c.Option, vocab.UnitName("家", lang))
	}
	return c, err
}
