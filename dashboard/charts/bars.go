package charts

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/vocab"
)

// Breakdown draws a horizontal bar per group, largest on top; clicking a
// bar drills down to the rows behind it.
func Breakdown(id, title string, b *analytics.Breakdown, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 120 + 28*len(b.Rows)}
	if b == nil || len(b.Rows) == 0 {
		c.Empty = true
		return c, nil
	}
	maxV := 0.0
	for _, r := range b.Rows {
		maxV = max(maxV, r.Value)
	}
	div, unitLabel := vocab.ScaleFor(maxV, b.Metric.Unit, lang)
	var names []string
	var data []opts.BarData
	for i := len(b.Rows) - 1; i >= 0; i-- { // ECharts draws the first category at the bottom
		r := b.Rows[i]
		label := r.Label
		if lang == "en" && (b.By == "level" || b.By == "kind") && r.Key != "" {
			label = r.Key // codes are English already (provincial, makerspace)
		}
		names = append(names, label)
		data = append(data, opts.BarData{Name: r.Key, Value: round2(r.Value / div)})
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTooltipOpts(tooltipAxis()),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}), // one series: the title says what it is
		charts.WithToolboxOpts(toolbox()),
		charts.WithXAxisOpts(opts.XAxis{Name: unitLabel}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "8%", Bottom: "3%", ContainLabel: opts.Bool(true)}),
	)
	bar.SetXAxis(names).AddSeries(T(lang, b.Metric.NameZH, b.Metric.NameEN), data,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	bar.XYReversal()
	var err error
	c.Option, err = jsonOf(bar, nil)
	c.Note = unitNote(unitLabel, lang)
	return c, err
}
