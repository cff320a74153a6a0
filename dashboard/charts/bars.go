package charts

import (
	"strings"

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
		if r.Stated {
			label += T(lang, "（全市报告值，不计入合计）", " (city as reported, not in the total)")
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
	if err == nil {
		c.Option, err = withUnit(c.Option, unitLabel)
	}
	c.Note = unitNote(unitLabel, lang)
	if b.MultiValued {
		c.Note += T(lang, "；一条记录可有多个合作单位，各项之和可大于合计（"+vocab.FormatNumber(b.Total, b.Metric.Unit, lang)+"）",
			"; a record may have several partners: the bars can add up to more than the total ("+vocab.FormatNumber(b.Total, b.Metric.Unit, lang)+")")
		c.Note = strings.TrimLeft(c.Note, "；; ")
	}
	return c, err
}
