package dashboard_test

import (
	"strings"
	"testing"
)

// chartExport is what TestBrowserChartExportsAndUnits reads from a chart.
type chartExport struct {
	SVG       string `json:"svg"`       // the SVG export
	PNGHeight int    `json:"pngHeight"` // pixels of the PNG export
	Height    int    `json:"height"`    // the chart's height on the page
	Features  string `json:"features"`  // the toolbox's buttons
	Tip       string `json:"tip"`       // the tooltip at the last period
}

const chartExportJS = `new Promise(done => {
  const el = document.getElementById('chart-projects-trend');
  const chart = echarts.getInstanceByDom(el);
  const n = chart.getOption().xAxis[0].data.length;
  chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: n - 1});
  const tip = el.innerText;
  corridorExport.png(el, url => {
    const img = new Image();
    img.onload = () => done({svg: corridorExport.svg(el), pngHeight: img.height, height: el.clientHeight,
      features: Object.keys(chart.getOption().toolbox[0].feature).join(','), tip});
    img.src = url;
  });
})`

// TestBrowserChartExportsAndUnits: a chart's SVG export carries its title
// and, on sample data, the 示例数据 mark; the PNG export is the chart with a
// title band above it (the toolbox's button makes it, not ECharts' bare
// saveAsImage); a tooltip gives the value with its unit.
func TestBrowserChartExportsAndUnits(t *testing.T) {
	tb := openDashboard(t)
	tb.signIn("analyst")
	tb.open("/projects")
	tb.waitCharts()
	e := eval[chartExport](tb, chartExportJS)
	if !strings.Contains(e.SVG, "新增合作项目") || !strings.Contains(e.SVG, "示例数据") || !strings.HasPrefix(e.SVG, "<svg") {
		t.Errorf("SVG export without its title or sample mark: %.300s", e.SVG)
	}
	if e.PNGHeight != 2*(e.Height+40) {
		t.Errorf("PNG export %d px high, want 2×(%d chart + 40 title)", e.PNGHeight, e.Height)
	}
	if e.Features != "myPng" {
		t.Errorf("toolbox buttons %q, want the titled PNG export only", e.Features)
	}
	if !strings.Contains(e.Tip, " 项") {
		t.Errorf("tooltip %q has no unit (项)", e.Tip)
	}
	tb.checkClean(tb.reset())
}
