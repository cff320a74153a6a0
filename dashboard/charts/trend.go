package charts

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/vocab"
)

// Trend draws one or more series of the same unit over time: bars for
// flows, lines for stocks. Approximate points keep their lower bound and
// are named in the tooltip via the point name "≥".
func Trend(id, title string, ss []analytics.Series, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 320}
	if !hasRecords(ss) { // only gap-filled zeros: say "no data" rather than draw a flat line
		c.Empty = true
		return c, nil
	}
	unit := ss[0].Metric.Unit
	maxV := 0.0
	for _, s := range ss {
		for _, p := range s.Points {
			maxV = max(maxV, p.Value)
		}
	}
	div, unitLabel := vocab.ScaleFor(maxV, unit, lang)
	var x []string
	for _, p := range ss[0].Points {
		x = append(x, vocab.PeriodLabel(p.Period, lang))
	}
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithTooltipOpts(tooltipAxis()),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(ss) > 1), Top: "2%"}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithYAxisOpts(opts.YAxis{Name: unitLabel}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Bottom: "3%", ContainLabel: opts.Bool(true)}),
	)
	line.SetXAxis(x)
	for _, s := range ss {
		name := s.Metric.NameZH
		if lang == "en" {
			name = s.Metric.NameEN
		}
		data := make([]opts.LineData, len(s.Points))
		for i, p := range s.Points {
			d := opts.LineData{Value: round2(p.Value / div)}
			if p.Missing {
				d.Value = "-"
			}
			if p.Approx {
				d.Symbol, d.SymbolSize = "diamond", 10 // a lower bound (30余): drawn as a diamond
			}
			data[i] = d
		}
		var so []charts.SeriesOpts
		if s.Metric.Type == "flow" {
			so = append(so, charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Type = "bar" }))
		} else {
			so = append(so, charts.WithLineChartOpts(opts.LineChart{Smooth: opts.Bool(false), ShowSymbol: opts.Bool(true)}))
		}
		line.AddSeries(name, data, so...)
	}
	var err error
	c.Option, err = jsonOf(line, nil)
	c.Note = unitNote(unitLabel, lang)
	return c, err
}

func round2(v float64) float64 {
	return float64(int64(v*100+sign(v)*0.5)) / 100
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// hasRecords reports whether any point of any series comes from a record.
func hasRecords(ss []analytics.Series) bool {
	for _, s := range ss {
		for _, p := range s.Points {
			if !p.Filled && !p.Missing {
				return true
			}
		}
	}
	return false
}
