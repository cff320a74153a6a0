package assets

import (
	"bytes"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/components"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// A go-echarts page with the two maps and a bar chart loads everything from
// the embedded assets: no external host anywhere, every URL served.
func TestGoEChartsPageUsesEmbeddedAssets(t *testing.T) {
	shandong := charts.NewMap()
	shandong.RegisterMapType("山东")
	shandong.AddSeries("城市", []opts.MapData{{Name: "济南市", Value: 1}, {Name: "淄博市", Value: 2}})

	zibo := charts.NewMap()
	zibo.RegisterMapType("淄博")
	zibo.AddSeries("区县", []opts.MapData{{Name: "张店区", Value: 3}})

	bar := charts.NewBar()
	bar.SetXAxis([]string{"2024", "2025"}).AddSeries("项目", []opts.BarData{{Value: 1}, {Value: 2}})

	page := components.NewPage()
	page.SetAssetsHost(Prefix())
	page.AddCustomizedCSSAssets(URL("static/app.css"), URL("fonts/noto-sans-sc.css"))
	page.AddCharts(shandong, zibo, bar)
	var html bytes.Buffer
	if err := page.Render(&html); err != nil {
		t.Fatal(err)
	}

	srcs := regexp.MustCompile(`<script src="([^"]*)"`).FindAllStringSubmatch(html.String(), -1)
	hrefs := regexp.MustCompile(`<link href="([^"]*)"`).FindAllStringSubmatch(html.String(), -1)
	if len(srcs) != 3 || len(hrefs) != 2 {
		t.Fatalf("want 3 scripts and 2 stylesheets, got %v %v", srcs, hrefs)
	}
	want := map[string]bool{URL("echarts.min.js"): false, URL("maps/shandong.js"): false, URL("maps/shan1_dong1_zi1_bo2.js"): false}
	app := testApp()
	for _, m := range append(srcs, hrefs...) {
		u := m[1]
		if strings.Contains(u, "http://") || strings.Contains(u, "https://") || !strings.HasPrefix(u, Prefix()) {
			t.Errorf("asset URL %q is not served by us", u)
			continue
		}
		if _, ok := want[u]; ok {
			want[u] = true
		}
		if resp, _ := get(t, app, http.MethodGet, u); resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", u, resp.StatusCode)
		}
	}
	for u, seen := range want {
		if !seen {
			t.Errorf("page does not load %s", u)
		}
	}
	// Nothing on the page may point at the internet (go-echarts' default
	// AssetsHost is https://go-echarts.github.io/…).
	for _, scheme := range []string{"http://", "https://", "//cdn"} {
		if strings.Contains(html.String(), scheme) {
			t.Errorf("page contains %q", scheme)
		}
	}
}
