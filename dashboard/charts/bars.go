package charts

import (
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/i18n"
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
		if r.Stated {
			label += i18n.T(lang, "ch_city_as_reported_not_in_the_total")
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
	bar.SetXAxis(names).AddSeries(i18n.Pick(lang, b.Metric.NameZH, b.Metric.NameEN), data,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	bar.XYReversal()
	var err error
	c.Option, err = jsonOf(bar, nil)
	if err == nil {
		c.Option, err = withUnit(c.Option, unitLabel)
	}
	c.Note = unitNote(unitLabel, lang)
	if b.MultiValued {
		c.Note += i18n.F(lang, "ch_partners_sum_note", vocab.FormatNumber(b.Total, b.Metric.Unit, lang))
		c.Note = strings.TrimLeft(c.Note, "；; ")
	}
	return c, err
}
