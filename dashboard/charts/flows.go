package charts

import (
	"html"
	"math"
	"net/url"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/i18n"
)

// Sankey draws funding flows payer → recipient → industry. Bands are drawn
// by the square root of their amount, so the many smaller flows stay
// visible beside one dominant line (an institute's yearly appropriation);
// labels and tooltips give the real amounts, in 万元 or 亿元. Every node
// carries the drill-down query of its records.
func Sankey(id, title string, f *analytics.Flows, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 560, Wide: true, Note: i18n.T(lang, "ch_band_width_follows_the_square_root_o")}
	if f == nil || len(f.Links) == 0 {
		c.Empty = true
		return c, nil
	}
	levels := map[string]int{"payer": 0, "recipient": 1, "industry": 2}
	var nodes []map[string]any
	for _, n := range f.Info {
		name := flowLabel(n, lang)
		nodes = append(nodes, map[string]any{
			"name": n.Name, "depth": levels[n.Level], "drill": flowDrill(n),
			"label":   map[string]any{"formatter": name + " " + money(n.Value, lang)},
			"tooltip": map[string]any{"formatter": "<b>" + html.EscapeString(name) + "</b><br>" + money(n.Value, lang) + flowClick(n, lang)},
		})
	}
	var links []map[string]any
	for _, l := range f.Links {
		links = append(links, map[string]any{
			"source": l.Source, "target": l.Target, "value": round2(math.Sqrt(l.Value / 1e4)),
			"tooltip": map[string]any{"formatter": html.EscapeString(flowName(f, l.Source, lang)) + " → " + html.EscapeString(flowName(f, l.Target, lang)) + "<br>" + money(l.Value, lang) + i18n.T(lang, "ch_square_root_width")},
		})
	}
	s := charts.NewSankey()
	s.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	series := map[string]any{
		"type": "sankey", "name": i18n.T(lang, "ch_funding_flows"), "data": nodes, "links": links,
		"left": 8, "right": 190, "top": 36, "bottom": 12, "nodeGap": 14, "nodeWidth": 14, "layoutIterations": 64,
		"draggable": false, "animationDuration": 300,
		// Labels sit on the bands: a white halo keeps them readable (a
		// backing box would run the label's full width).
		"label": map[string]any{"fontSize": 12, "width": 250, "overflow": "truncate",
			"textBorderColor": "#fff", "textBorderWidth": 3},
		"labelLayout": map[string]any{"hideOverlap": true},
		"lineStyle":   map[string]any{"color": "source", "curveness": 0.5, "opacity": 0.35},
		"emphasis":    map[string]any{"focus": "adjacency"},
	}
	gutter := func(right, label, font int) map[string]any {
		return map[string]any{"series": []any{map[string]any{"right": right, "label": map[string]any{"width": label, "fontSize": font}}}}
	}
	media := []any{map[string]any{"option": gutter(190, 250, 12)},
		map[string]any{"query": map[string]any{"maxWidth": 520}, "option": gutter(84, 80, 10)}}
	var err error
	c.Option, err = jsonOf(s, map[string]any{"series": []any{series}, "media": media})
	return c, err
}

// flowDrill is the query of a sankey node's funding lines: a payer's, a
// recipient's, an industry's; a folded node lists all of them.
func flowDrill(n analytics.FlowNode) string {
	v := url.Values{"metric": {"funding_total"}}
	if !n.Other {
		v.Set("by", n.Level)
		v.Set("value", n.Key)
	}
	return v.Encode()
}

// flowClick is a tooltip's last line: what a click shows.
func flowClick(n analytics.FlowNode, lang string) string {
	if n.Other {
		return "<br><i>" + i18n.T(lang, "ch_click_for_all_funding_lines") + "</i>"
	}
	return "<br><i>" + i18n.T(lang, "ch_click_for_the_records") + "</i>"
}

// flowLabel is how a node reads: industries without the prefix that keeps
// their names apart from institutions', folded nodes in lang.
func flowLabel(n analytics.FlowNode, lang string) string {
	switch {
	case n.Level == "industry" && !n.Other && n.Key == "":
		return i18n.T(lang, "ch_unclassified")
	case n.Level == "industry" && !n.Other:
		return n.Key
	case lang != "en":
		return n.Name
	}
	switch n.Name {
	case analytics.OtherPayers:
		return "Other payers"
	case analytics.OtherRecipients:
		return "Other recipients"
	case analytics.OtherIndustries:
		return "Other industries"
	}
	return n.Name
}

// flowName is a node's label by its name.
func flowName(f *analytics.Flows, name, lang string) string {
	for _, n := range f.Info {
		if n.Name == name {
			return flowLabel(n, lang)
		}
	}
	return name
}
