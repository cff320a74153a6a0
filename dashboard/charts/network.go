package charts

import (
	"html"
	"math"
	"net/url"
	"sort"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/vocab"
)

// networkCats are the partner network's node categories in legend order,
// with their colours.
var networkCats = []struct{ code, zh, en, color string }{
	{analytics.CatPartner, "济南高校院所", "Jinan universities & institutes", Palette[0]},
	{analytics.CatEnterprise, "淄博企业", "Zibo enterprises", Palette[1]},
	{analytics.CatGovernment, "政府部门", "Government bodies", Palette[4]},
}

// networkLabels is how many enterprises carry a label; partners and
// government bodies are few and all labelled. The rest name themselves on
// hover.
const networkLabels = 12

// Network draws the partner network as two columns: the Jinan side's
// universities and institutes (and below them the government bodies that
// pay) on the left, the Zibo enterprises on the right, ordered so that ties
// cross as little as they can. An edge's width is its joint platforms +
// projects; money paid is a dashed line of fixed width that adds nothing to
// it. Every node and edge carries the drill-down query of its records.
func Network(id, title string, n *analytics.Network, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 620, Note: i18n.T(lang, "ch_edge_width_joint_platforms_projects")}
	if n == nil || len(n.Nodes) == 0 {
		c.Empty = true
		return c, nil
	}
	left, right := networkColumns(n)
	maxW, maxF := 1.0, 1.0
	for _, nd := range n.Nodes {
		maxW, maxF = max(maxW, nd.Weight), max(maxF, nd.Paid+nd.Received)
	}
	catIdx := map[string]int{}
	var cats []map[string]any
	var legend []string
	for i, ct := range networkCats {
		catIdx[ct.code] = i
		name := i18n.Pick(lang, ct.zh, ct.en)
		cats = append(cats, map[string]any{"name": name, "itemStyle": map[string]any{"color": ct.color}})
		legend = append(legend, name)
	}
	var data []map[string]any
	place := func(col []analytics.Node, x float64, pos string, labelled func(i int, nd analytics.Node) bool) {
		for i, nd := range col {
			size := 6 + 20*math.Sqrt(nd.Weight/maxW)
			if nd.Weight == 0 {
				size = 6 + 14*math.Sqrt((nd.Paid+nd.Received)/maxF)
			}
			data = append(data, map[string]any{
				"name": nd.ID, "value": []float64{x, round4((float64(i) + 0.5) / float64(len(col)))},
				"category": catIdx[nd.Category], "symbolSize": round2(size), "drill": NetworkDrill(nd),
				"label":   map[string]any{"show": labelled(i, nd), "position": pos},
				"tooltip": map[string]any{"formatter": networkNodeTip(nd, lang)},
			})
		}
	}
	place(left, 0, "left", func(int, analytics.Node) bool { return true })
	top := topEnterprises(right, networkLabels)
	place(right, 1, "right", func(_ int, nd analytics.Node) bool { return top[nd.ID] })
	var links []map[string]any
	for _, e := range n.Edges {
		ls := map[string]any{"width": round2(min(0.6+1.4*e.Weight, 8)), "opacity": 0.32, "curveness": 0.06}
		if e.Weight == 0 {
			ls = map[string]any{"width": 0.8, "type": "dashed", "opacity": 0.35, "color": networkCats[2].color, "curveness": 0.06}
		}
		links = append(links, map[string]any{
			"source": e.Source, "target": e.Target, "value": e.Weight, "lineStyle": ls,
			"drill":   edgeDrill(e),
			"tooltip": map[string]any{"formatter": networkEdgeTip(e, lang)},
		})
	}
	g := charts.NewGraph()
	g.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "24", Data: legend}), // below the sample mark
		charts.WithToolboxOpts(toolbox()),
	)
	// A graph on a hidden cartesian grid: its columns sit at fixed
	// x, and the symbols stay round whatever the chart's aspect (a graph
	// laid out on its own view stretches them with the box).
	axis := func(inverse bool) map[string]any {
		return map[string]any{"type": "value", "min": -0.02, "max": 1.02, "show": false, "inverse": inverse}
	}
	series := map[string]any{
		"type": "graph", "name": i18n.T(lang, "network"), "coordinateSystem": "cartesian2d",
		"data": data, "links": links, "categories": cats, "animationDuration": 300,
		"label":       map[string]any{"fontSize": 11, "width": 128, "overflow": "truncate"},
		"labelLayout": map[string]any{"hideOverlap": true},
		"lineStyle":   map[string]any{"color": "source"},
		"emphasis":    map[string]any{"focus": "adjacency", "lineStyle": map[string]any{"opacity": 0.9}},
	}
	// Phones: narrower label gutters, so the columns keep some width. The
	// entry without a query is what ECharts returns to when the chart
	// widens again (it does not undo a matched query by itself).
	gutter := func(px, label, font int) map[string]any {
		return map[string]any{"grid": map[string]any{"left": px, "right": px},
			"series": []any{map[string]any{"label": map[string]any{"width": label, "fontSize": font}}}}
	}
	media := []any{map[string]any{"option": gutter(150, 128, 11)},
		map[string]any{"query": map[string]any{"maxWidth": 520}, "option": gutter(76, 66, 10)}}
	var err error
	c.Option, err = jsonOf(g, map[string]any{"series": []any{series}, "media": media,
		"grid":  map[string]any{"left": 150, "right": 150, "top": 64, "bottom": 16},
		"xAxis": axis(false), "yAxis": axis(true)})
	return c, err
}

// networkColumns splits the nodes into the left column (partners by
// weight, then government bodies by money) and the right one (enterprises
// ordered by the mean height of their ties on the left, so edges run
// mostly level and labels spread over the column).
func networkColumns(n *analytics.Network) (left, right []analytics.Node) {
	var gov []analytics.Node
	for _, nd := range n.Nodes { // already by weight
		switch nd.Category {
		case analytics.CatPartner:
			left = append(left, nd)
		case analytics.CatGovernment:
			gov = append(gov, nd)
		default:
			right = append(right, nd)
		}
	}
	sort.SliceStable(gov, func(i, j int) bool { return gov[i].Paid+gov[i].Received > gov[j].Paid+gov[j].Received })
	left = append(left, gov...)
	y := map[string]float64{}
	for i, nd := range left {
		y[nd.ID] = float64(i)
	}
	sum, wt := map[string]float64{}, map[string]float64{}
	for _, e := range n.Edges {
		ly, ok := y[e.Source]
		if !ok {
			continue
		}
		w := e.Weight + 0.3 // money ties pull a little
		sum[e.Target] += w * ly
		wt[e.Target] += w
	}
	bary := func(id string) float64 {
		if wt[id] == 0 {
			return float64(len(left))
		}
		return sum[id] / wt[id]
	}
	sort.SliceStable(right, func(i, j int) bool { return bary(right[i].ID) < bary(right[j].ID) })
	return left, right
}

// topEnterprises are the k heaviest of the right column, and the three
// that received most money (a funded institute may have no count).
func topEnterprises(col []analytics.Node, k int) map[string]bool {
	out := map[string]bool{}
	pick := func(n int, before func(a, b analytics.Node) bool) {
		s := append([]analytics.Node(nil), col...)
		sort.SliceStable(s, func(i, j int) bool { return before(s[i], s[j]) })
		for i := 0; i < len(s) && i < n; i++ {
			out[s[i].ID] = true
		}
	}
	pick(k, func(a, b analytics.Node) bool { return a.Weight > b.Weight })
	pick(3, func(a, b analytics.Node) bool { return a.Received > b.Received })
	return out
}

// NetworkDrill is the drill-down query (metric, by, value) of a node's
// records: a partner's platforms, else its projects, else what it paid; a
// Zibo institution's platforms (as host), else projects (as lead), else
// what it received; a government body's platforms or projects as partner,
// else the money it paid or received.
func NetworkDrill(nd analytics.Node) string {
	q := func(metric, by string) string {
		return url.Values{"metric": {metric}, "by": {by}, "value": {nd.ID}}.Encode()
	}
	side := nd.Side == "jinan"
	switch {
	case nd.Platforms > 0 && side:
		return q("platforms_new", "partner")
	case nd.Platforms > 0:
		return q("platforms_new", "host")
	case nd.Projects > 0 && side:
		return q("projects_new", "partner")
	case nd.Projects > 0:
		return q("projects_new", "lead")
	case nd.Paid >= nd.Received:
		return q("funding_total", "payer")
	}
	return q("funding_total", "recipient")
}

// edgeDrill lists the left-hand node's records of the tie's kind.
func edgeDrill(e analytics.Edge) string {
	metric, by := "platforms_new", "partner"
	switch {
	case e.Platforms == 0 && e.Projects > 0:
		metric = "projects_new"
	case e.Platforms == 0:
		metric, by = "funding_total", "payer"
	}
	return url.Values{"metric": {metric}, "by": {by}, "value": {e.Source}}.Encode()
}

// networkNodeTip is a node's tooltip: name, category, counts with units
// and money. Names come from uploaded sheets: escaped, as the tooltip is HTML.
func networkNodeTip(nd analytics.Node, lang string) string {
	s := "<b>" + html.EscapeString(nd.ID) + "</b>"
	for _, ct := range networkCats {
		if ct.code == nd.Category {
			s += "（" + i18n.Pick(lang, ct.zh, ct.en) + "）"
		}
	}
	if nd.Platforms > 0 || nd.Projects > 0 {
		s += "<br>" + tieCounts(nd.Platforms, nd.Projects, lang)
	}
	if nd.Paid > 0 {
		s += "<br>" + i18n.T(lang, "ch_paid") + money(nd.Paid, lang)
	}
	if nd.Received > 0 {
		s += "<br>" + i18n.T(lang, "ch_received") + money(nd.Received, lang)
	}
	return s + "<br><i>" + i18n.T(lang, "ch_click_for_the_records") + "</i>"
}

// networkEdgeTip is an edge's tooltip.
func networkEdgeTip(e analytics.Edge, lang string) string {
	s := html.EscapeString(e.Source) + " → " + html.EscapeString(e.Target)
	if e.Weight > 0 {
		s += "<br>" + tieCounts(e.Platforms, e.Projects, lang)
	}
	if e.Funding > 0 {
		s += "<br>" + i18n.T(lang, "ch_funding") + money(e.Funding, lang)
	}
	return s
}

// tieCounts says how many joint platforms and projects, with units.
func tieCounts(platforms, projects int, lang string) string {
	return i18n.T(lang, "ch_joint_platforms") + vocab.FormatNumber(float64(platforms), "个", lang) +
		i18n.T(lang, "ch_joint_projects") + vocab.FormatNumber(float64(projects), "项", lang)
}

// money is an amount in yuan as readers see it (万元, 亿元).
func money(v float64, lang string) string {
	return vocab.FormatNumber(v, "元", lang)
}

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }
