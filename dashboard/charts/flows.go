package charts

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/vocab"
)

// Sankey draws funding flows payer → recipient → industry, in 万元 or 亿元
// as the largest flow suggests.
func Sankey(id, title string, f *analytics.Flows, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 520}
	if f == nil || len(f.Links) == 0 {
		c.Empty = true
		return c, nil
	}
	maxV := 0.0
	for _, l := range f.Links {
		maxV = max(maxV, l.Value)
	}
	div, unit := vocab.ScaleFor(maxV, "元", lang)
	c.Note = unitNote(unit, lang)
	nodes := make([]opts.SankeyNode, len(f.Nodes))
	for i, n := range f.Nodes {
		nodes[i] = opts.SankeyNode{Name: n}
	}
	links := make([]opts.SankeyLink, len(f.Links))
	for i, l := range f.Links {
		links[i] = opts.SankeyLink{Source: l.Source, Target: l.Target, Value: float32(round2(l.Value / div))}
	}
	s := charts.NewSankey()
	s.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithToolboxOpts(toolbox()),
	)
	s.AddSeries(T(lang, "资金流向", "Funding flows"), nodes, links,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}),
		charts.WithLineStyleOpts(opts.LineStyle{Color: "source", Curveness: 0.5, Opacity: opts.Float(0.4)}))
	var err error
	c.Option, err = jsonOf(s, nil)
	return c, err
}

// Network draws the partner network: Jinan-side partners and Zibo-side
// institutions as two categories, edge width by weight.
func Network(id, title string, n *analytics.Network, lang string) (Chart, error) {
	c := Chart{ID: id, Title: title, Height: 560, Note: T(lang, "连线粗细：共建平台数＋合作项目数＋资金（百万元）", "Edge weight: platforms + projects + funding (m yuan)")}
	if n == nil || len(n.Nodes) == 0 {
		c.Empty = true
		return c, nil
	}
	maxW := 1.0
	for _, nd := range n.Nodes {
		maxW = max(maxW, nd.Weight)
	}
	nodes := make([]opts.GraphNode, len(n.Nodes))
	for i, nd := range n.Nodes {
		cat := 1
		if nd.Side == "jinan" {
			cat = 0
		}
		nodes[i] = opts.GraphNode{Name: nd.ID, Value: float32(round2(nd.Weight)), Category: cat, SymbolSize: 8 + 32*nd.Weight/maxW}
	}
	links := make([]opts.GraphLink, len(n.Edges))
	for i, e := range n.Edges {
		links[i] = opts.GraphLink{Source: e.Source, Target: e.Target, Value: float32(round2(e.Weight))}
	}
	g := charts.NewGraph()
	g.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "2%"}),
		charts.WithToolboxOpts(toolbox()),
	)
	g.AddSeries(T(lang, "合作网络", "Partner network"), nodes, links,
		charts.WithGraphChartOpts(opts.GraphChart{Layout: "force", Roam: opts.Bool(true), Draggable: opts.Bool(true),
			Force:      &opts.GraphForce{Repulsion: 220, EdgeLength: []float32{40, 160}, Gravity: 0.08},
			Categories: []*opts.GraphCategory{{Name: T(lang, "济南高校院所", "Jinan partners")}, {Name: T(lang, "淄博单位", "Zibo institutions")}}}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
		charts.WithLineStyleOpts(opts.LineStyle{Curveness: 0.1, Opacity: opts.Float(0.5)}))
	var err error
	c.Option, err = jsonOf(g, nil)
	return c, err
}
