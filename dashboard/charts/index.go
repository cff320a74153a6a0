package charts

import (
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/vocab"
)

// IndexBand draws the integration index as one central line with its
// 5–95% robustness band (a transparent lower line plus the band's width
// stacked on it). The geometric variant is one of the band's draws, not a
// second line a reader could take for another headline.
func IndexBand(id, title string, r *index.Result, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 360}
	if r == nil || len(r.Periods) == 0 {
		c.Empty = true
		return c, nil
	}
	base := vocab.PeriodLabel(r.Base, lang)
	c.Note = i18n.F(lang, "ch_index_band_note", base)
	bandName, indexName := i18n.T(lang, "ch_robustness_band_p5_p95"), i18n.T(lang, "index_latest")
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithTooltipOpts(tooltipAxis()),
		// The band's lower edge is a drawing aid, not a series to read: the
		// legend names the band (in the band's colour) and the index only.
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "24", Data: []string{bandName, indexName}}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithYAxisOpts(opts.YAxis{Name: i18n.T(lang, "ch_index"), Scale: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Bottom: "3%", Top: "64", ContainLabel: opts.Bool(true)}),
	)
	line.SetXAxis(periodLabels(r.Periods, lang))
	lower, width := make([]opts.LineData, len(r.Periods)), make([]opts.LineData, len(r.Periods))
	p5, p95 := make([]any, len(r.Periods)), make([]any, len(r.Periods))
	for i := range r.Periods {
		lower[i] = opts.LineData{Value: num(r.Band.P5, i)}
		width[i] = opts.LineData{Value: "-"}
		p5[i], p95[i] = num(r.Band.P5, i), num(r.Band.P95, i)
		if len(r.Band.P5) > i && len(r.Band.P95) > i && !math.IsNaN(r.Band.P95[i]-r.Band.P5[i]) {
			width[i] = opts.LineData{Value: round2(r.Band.P95[i] - r.Band.P5[i])}
		}
	}
	hidden := opts.LineStyle{Opacity: opts.Float(0)}
	line.AddSeries(i18n.T(lang, "ch_band_low_p5"), lower,
		charts.WithLineChartOpts(opts.LineChart{Stack: "band", ShowSymbol: opts.Bool(false)}), charts.WithLineStyleOpts(hidden))
	line.AddSeries(bandName, width,
		charts.WithLineChartOpts(opts.LineChart{Stack: "band", ShowSymbol: opts.Bool(false)}), charts.WithLineStyleOpts(hidden),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: bandColor}),
		charts.WithAreaStyleOpts(opts.AreaStyle{Color: bandColor, Opacity: opts.Float(0.5)}))
	line.AddSeries(indexName, points(r.Headline),
		charts.WithLineStyleOpts(opts.LineStyle{Width: 3, Color: Palette[0]}), charts.WithItemStyleOpts(opts.ItemStyle{Color: Palette[0]}))
	var err error
	c.Option, err = jsonOf(line, nil)
	if err != nil {
		return c, err
	}
	// The tooltip reads the band as its two edges, not its width; the page
	// script formats a series' value from these fields (app.js, tipFormat).
	c.Option, err = patchSeries(c.Option, func(i int, s map[string]any) {
		switch i {
		case 0:
			s["tooltip"] = map[string]any{"show": false}
		case 1:
			s["corridorBand"] = map[string]any{"p5": p5, "p95": p95}
		case 2:
			s["corridorUnit"] = i18n.T(lang, "ch_pts")
		}
	})
	return c, err
}

// bandColor fills the robustness band and marks it in the legend.
const bandColor = "#9ec5ee"

func num(s index.Series, i int) any {
	if i >= len(s) || math.IsNaN(s[i]) {
		return "-"
	}
	return round2(s[i])
}

func points(s index.Series) []opts.LineData {
	out := make([]opts.LineData, len(s))
	for i := range s {
		out[i] = opts.LineData{Value: num(s, i)}
	}
	return out
}

// Contributions stacks each pillar's contribution per period; the stack
// adds up to the arithmetic index.
func Contributions(id, title string, r *index.Result, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 360, Note: i18n.T(lang, "ch_contribution_effective_weight_normal")}
	if r == nil || len(r.Periods) == 0 {
		c.Empty = true
		return c, nil
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTooltipOpts(tooltipAxis()),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "2%"}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Bottom: "3%", Top: "18%", ContainLabel: opts.Bool(true)}),
	)
	bar.SetXAxis(periodLabels(r.Periods, lang))
	for _, p := range r.Pillars {
		data := make([]opts.BarData, len(r.Periods))
		for i := range r.Periods {
			data[i] = opts.BarData{Value: num(p.Contribution, i)}
		}
		bar.AddSeries(i18n.Pick(lang, p.NameZH, p.NameEN), data, charts.WithBarChartOpts(opts.BarChart{Stack: "contrib"}))
	}
	var err error
	c.Option, err = jsonOf(bar, nil)
	if err == nil {
		c.Option, err = withUnit(c.Option, i18n.T(lang, "ch_pts"))
	}
	return c, err
}

// Radar shows each pillar's score in the last period. A pillar with no
// value that year is left off the radar and named in the note: drawn at 0
// it would read as "no integration" where there is only no data.
func Radar(id, title string, r *index.Result, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 360}
	if r == nil || len(r.Periods) == 0 {
		c.Empty = true
		return c, nil
	}
	last := len(r.Periods) - 1
	maxV := 100.0
	var ind []*opts.Indicator
	var vals, base []float64
	var missing []string
	for _, p := range r.Pillars {
		name := i18n.Pick(lang, p.NameZH, p.NameEN)
		v, ok := num(p.Arithmetic, last).(float64)
		if !ok {
			missing = append(missing, name)
			continue
		}
		maxV = math.Max(maxV, v)
		vals, base = append(vals, v), append(base, 100)
		ind = append(ind, &opts.Indicator{Name: name})
	}
	if len(ind) < 3 {
		c.Empty = true
		return c, nil
	}
	for _, i := range ind {
		i.Max = float32(math.Ceil(maxV/50) * 50)
	}
	if len(missing) > 0 {
		c.Note = i18n.T(lang, "ch_pillars_without_data_this_year_not_s") + strings.Join(missing, i18n.T(lang, "sep_list"))
	}
	rd := charts.NewRadar()
	rd.SetGlobalOptions(
		charts.WithRadarComponentOpts(opts.RadarComponent{Indicator: ind, Shape: "polygon"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "2%"}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
	)
	latest, baseYear := vocab.PeriodLabel(r.Periods[last], lang), vocab.PeriodLabel(r.Base, lang)
	rd.AddSeries(latest, []opts.RadarData{{Name: latest, Value: vals}}, charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.25)}))
	rd.AddSeries(i18n.T(lang, "ch_base")+baseYear, []opts.RadarData{{Name: baseYear, Value: base}})
	var err error
	c.Option, err = jsonOf(rd, nil)
	if err == nil {
		c.Option, err = withUnit(c.Option, i18n.T(lang, "ch_pts_base_100"))
	}
	return c, err
}

// Coupling draws the coupling coordination degree D with C, T, U1 and U2.
// A graded result names each year's grade on D's points; an ungraded one
// (a district or partner filter) says why it has none.
func Coupling(id, title string, cr *index.CouplingResult, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 320, Note: i18n.T(lang, "ch_c_2_u_u_u_u_t_u_u_d_c_t_u_on_fixed_r")}
	if cr == nil || len(cr.Points) == 0 {
		c.Empty = true
		return c, nil
	}
	if !cr.Graded {
		c.Note += i18n.T(lang, "ch_reference_levels_are_set_for_the_who")
	}
	var x []string
	series := map[string][]opts.LineData{}
	for _, p := range cr.Points {
		x = append(x, vocab.PeriodLabel(p.Period, lang))
		d := opts.LineData{Value: round3(p.D)}
		if p.Grade != nil {
			d.Name = i18n.Pick(lang, p.Grade.NameZH, p.Grade.NameEN)
		}
		series["D"] = append(series["D"], d)
		series["C"] = append(series["C"], opts.LineData{Value: round3(p.C)})
		series["T"] = append(series["T"], opts.LineData{Value: round3(p.T)})
		series["U1"] = append(series["U1"], opts.LineData{Value: round3(p.U1)})
		series["U2"] = append(series["U2"], opts.LineData{Value: round3(p.U2)})
	}
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithTooltipOpts(tooltipAxis()),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "2%"}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithYAxisOpts(opts.YAxis{Min: 0, Max: 1}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Bottom: "3%", ContainLabel: opts.Bool(true)}),
	)
	line.SetXAxis(x)
	names := map[string]string{"D": i18n.T(lang, "ch_d"), "C": i18n.T(lang, "ch_c"), "T": i18n.T(lang, "ch_t"),
		"U1": i18n.T(lang, "col_u1"), "U2": i18n.T(lang, "col_u2")}
	for _, k := range []string{"D", "C", "T", "U1", "U2"} {
		w := 1
		if k == "D" {
			w = 3
		}
		line.AddSeries(names[k], series[k], charts.WithLineStyleOpts(opts.LineStyle{Width: float32(w)}))
	}
	var err error
	c.Option, err = jsonOf(line, nil)
	return c, err
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }
