package charts

import (
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/i18n"
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
		switch {
		case p.Partial && lang == "en":
			x = append(x, p.LabelEN)
		case p.Partial:
			x = append(x, p.Label) // 2025年1—3月: the part the range covers
		default:
			x = append(x, vocab.PeriodLabel(p.Period, lang))
		}
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
		if stated, ok := statedData(s, div); ok { // a city's own figure, beside the sum of its districts
			line.AddSeries(name+i18n.T(lang, "ch_city_as_reported"), stated,
				charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(true)}),
				charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed"}))
			line.SetGlobalOptions(charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "2%"}))
		}
	}
	var err error
	c.Option, err = jsonOf(line, nil)
	if err == nil {
		c.Option, err = withUnit(c.Option, unitLabel)
	}
	c.Note = strings.TrimLeft(unitNote(unitLabel, lang)+trendNotes(ss, unit, lang), "；; ")
	return c, err
}

// statedData is the city's own reported figure per point, where any.
func statedData(s analytics.Series, div float64) ([]opts.LineData, bool) {
	out := make([]opts.LineData, len(s.Points))
	any := false
	for i, p := range s.Points {
		out[i] = opts.LineData{Value: "-"}
		if p.Stated != nil {
			out[i], any = opts.LineData{Value: round2(*p.Stated / div)}, true
		}
	}
	return out, any
}

// trendNotes says what a trend leaves out or how it reads: figures of a
// longer period than the grain, a city's own figure standing for its
// districts.
func trendNotes(ss []analytics.Series, unit, lang string) string {
	note := ""
	for _, s := range ss {
		if s.Unplaced != 0 {
			v := vocab.FormatNumber(s.Unplaced, unit, lang)
			who := ""
			if len(ss) > 1 {
				who = i18n.Pick(lang, s.Metric.NameZH, s.Metric.NameEN+": ")
			}
			note += i18n.F(lang, "ch_unspread_note", who, v)
		}
		for _, p := range s.Points {
			if p.StatedOnly {
				note += i18n.T(lang, "ch_periods_without_district_figures_sho")
				break
			}
		}
	}
	return note
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
