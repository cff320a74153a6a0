package charts

import (
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/zibo-kj/corridor/dashboard/i18n"
)

// ResultKinds are the chart types the SQL console's "chart this" draws.
var ResultKinds = []string{"bar", "line", "pie"}

// ResultSeries is one numeric column of a query result; a nil value is a
// NULL (or a cell that is not a number), drawn as a gap.
type ResultSeries struct {
	Name   string
	Values []*float64
}

// Result draws a query result the analyst chose columns of: categories
// (the x axis, or the pie's slices) and one or more value series, as bars,
// lines or (the first series) a pie, with the product's palette, fonts and
// PNG export like every other chart.
func Result(id, title, kind string, cats []string, series []ResultSeries, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 380}
	if len(cats) == 0 || len(series) == 0 {
		c.Empty = true
		c.EmptyText = i18n.T(lang, "ch_nothing_to_chart")
		return c, nil
	}
	legend := charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "0"})
	switch kind {
	case "pie":
		pie := charts.NewPie()
		pie.SetGlobalOptions(charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}), legend, charts.WithToolboxOpts(toolbox()))
		data := make([]opts.PieData, 0, len(cats))
		for i, name := range cats {
			if v := series[0].Values[i]; v != nil {
				data = append(data, opts.PieData{Name: name, Value: *v})
			}
		}
		pie.AddSeries(series[0].Name, data, charts.WithPieChartOpts(opts.PieChart{Radius: []string{"30%", "62%"}, Center: []string{"50%", "55%"}}))
		var err error
		c.Option, err = jsonOf(pie, map[string]any{"animation": false})
		return c, err
	case "bar", "line":
	default:
		return c, fmt.Errorf("charts: result chart type %q, want one of %v", kind, ResultKinds)
	}
	global := []charts.GlobalOpts{
		charts.WithTooltipOpts(tooltipAxis()), legend, charts.WithToolboxOpts(toolbox()),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Top: "40", Bottom: "3%", ContainLabel: opts.Bool(true)}),
	}
	if kind == "line" {
		line := charts.NewLine()
		line.SetGlobalOptions(global...)
		line.SetXAxis(cats)
		for _, s := range series {
			data := make([]opts.LineData, len(s.Values))
			for i, v := range s.Values {
				data[i] = opts.LineData{Value: value(v)}
			}
			line.AddSeries(s.Name, data)
		}
		var err error
		c.Option, err = jsonOf(line, map[string]any{"animation": false})
		return c, err
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(global...)
	bar.SetXAxis(cats)
	for _, s := range series {
		data := make([]opts.BarData, len(s.Values))
		for i, v := range s.Values {
			data[i] = opts.BarData{Value: value(v)}
		}
		bar.AddSeries(s.Name, data)
	}
	var err error
	c.Option, err = jsonOf(bar, map[string]any{"animation": false})
	return c, err
}

// value is a point's value as the query gave it; "-" (ECharts' gap) for a missing one.
func value(v *float64) any {
	if v == nil {
		return "-"
	}
	return *v
}
