package dashboard_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// networkNode finds the first node of a category (0 Jinan universities,
// 1 Zibo enterprises, 2 government bodies) of the partner network and
// returns its viewport point, from ECharts' own coordinate conversion.
const networkNode = `((cat) => {
	const el = document.getElementById('chart-network');
	if (!el) return {error: 'no #chart-network'};
	el.scrollIntoView({block: 'center'});
	const chart = echarts.getInstanceByDom(el);
	const s = chart.getOption().series[0];
	const item = s.data.find(d => d.category === cat);
	if (!item) return {error: 'no node of category ' + cat};
	const [x, y] = chart.convertToPixel({seriesIndex: 0}, item.value);
	const box = el.getBoundingClientRect();
	return {x: box.left + x, y: box.top + y, name: item.name};
})`

// TestBrowserNetworkEveryNodeDrills: the partner network has three
// categories in its legend, government bodies sit in their own, and a
// leader's click on a node of each category lists that institution's
// records by name.
func TestBrowserNetworkEveryNodeDrills(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("viewer")
	tb.open("/network")
	tb.waitCharts()
	legend := eval[[]string](tb, `echarts.getInstanceByDom(document.getElementById('chart-network')).getOption().legend[0].data`)
	if strings.Join(legend, ",") != "济南高校院所,淄博企业,政府部门" {
		t.Errorf("legend %q, want the three categories", legend)
	}
	misplaced := eval[[]string](tb, `echarts.getInstanceByDom(document.getElementById('chart-network')).getOption().series[0].data
		.filter(d => /(局|厅|政府|委员会)$/.test(d.name) !== (d.category === 2)).map(d => d.name)`)
	if len(misplaced) > 0 {
		t.Errorf("nodes in the wrong category: %q", misplaced)
	}
	for cat, by := range []string{"by=partner", "by=host", "by=payer"} {
		if cat > 0 {
			tb.open("/network")
			tb.waitCharts()
		}
		p := eval[barPoint](tb, networkNode+`(`+string(rune('0'+cat))+`)`)
		if p.Error != "" {
			t.Fatal(p.Error)
		}
		if st := tb.submit("click node "+p.Name, chromedp.MouseClickXY(p.X, p.Y)); st != 200 {
			t.Fatalf("clicking %s answered %d", p.Name, st)
		}
		path := tb.path()
		if !strings.HasPrefix(path, "/drill?") || !strings.Contains(path, by) {
			t.Fatalf("clicking %s led to %s", p.Name, path)
		}
		rows := eval[int](tb, `document.querySelectorAll('#drill table tbody tr:not(:has(.empty))').length`)
		if rows < 1 {
			t.Errorf("clicking %s (%s): no rows", p.Name, path)
		}
	}
	tb.checkClean(tb.reset())
}

// sankeyNode finds the heaviest unfolded node of a level (0 payers, 1
// recipients, 2 industries) of the funding sankey and returns the
// viewport point of its middle, from the laid-out graph.
const sankeyNode = `((depth) => {
	const el = document.getElementById('chart-funding-flows');
	if (!el) return {error: 'no #chart-funding-flows'};
	el.scrollIntoView({block: 'center'});
	const chart = echarts.getInstanceByDom(el);
	const data = chart.getOption().series[0].data;
	const series = chart.getModel().getSeriesByIndex(0);
	const graph = series.getGraph();
	const at = series.layoutInfo; // the nodes' layout is relative to the series box
	let best = null;
	data.forEach((d, i) => {
		if (d.depth !== depth || !/by=/.test(d.drill)) return;
		const l = graph.getNodeByIndex(i).getLayout();
		if (!best || l.dy > best.l.dy) best = {l, name: d.name};
	});
	if (!best) return {error: 'no node at depth ' + depth};
	const box = el.getBoundingClientRect();
	return {x: box.left + at.x + best.l.x + best.l.dx / 2, y: box.top + at.y + best.l.y + best.l.dy / 2, name: best.name};
})`

// TestBrowserSankeyEveryLevelDrills: a click on a payer, a recipient and
// an industry of the funding sankey lists that node's funding lines.
func TestBrowserSankeyEveryLevelDrills(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("analyst")
	for depth, by := range []string{"by=payer", "by=recipient", "by=industry"} {
		tb.open("/projects")
		tb.waitCharts()
		p := eval[barPoint](tb, sankeyNode+`(`+string(rune('0'+depth))+`)`)
		if p.Error != "" {
			t.Fatal(p.Error)
		}
		if st := tb.submit("click node "+p.Name, chromedp.MouseClickXY(p.X, p.Y)); st != 200 {
			t.Fatalf("clicking %s answered %d", p.Name, st)
		}
		path := tb.path()
		if !strings.HasPrefix(path, "/drill?") || !strings.Contains(path, "metric=funding_total") || !strings.Contains(path, by) {
			t.Fatalf("clicking %s led to %s, want funding_total %s", p.Name, path, by)
		}
		rows := eval[int](tb, `document.querySelectorAll('#drill table tbody tr:not(:has(.empty))').length`)
		if rows < 1 {
			t.Errorf("clicking %s (%s): no rows", p.Name, path)
		}
	}
	tb.checkClean(tb.reset())
}
