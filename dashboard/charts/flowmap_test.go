package charts

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/analytics"
)

var testCorridor = &analytics.Corridor{Home: "淄博市", Flows: []analytics.CorridorFlow{
	{From: "济南市", To: "张店区", ToCode: "370303", Platforms: 9, Projects: 2, Funding: 5e6},
	{From: "济南市", To: "周村区", ToCode: "370306", Platforms: 1},
	{From: "青岛市", To: "淄川区", ToCode: "370302", Projects: 4},
}, Unplaced: []string{"某研究所"}}

type flowOption struct {
	Legend struct {
		Data []string `json:"data"`
	} `json:"legend"`
	Geo struct {
		Map     string `json:"map"`
		Regions []struct {
			Name      string `json:"name"`
			ItemStyle struct {
				AreaColor string `json:"areaColor"`
			} `json:"itemStyle"`
		} `json:"regions"`
	} `json:"geo"`
	Series []struct {
		Type   string `json:"type"`
		Name   string `json:"name"`
		Effect *struct {
			Show bool `json:"show"`
		} `json:"effect"`
		Data []struct {
			Name      string       `json:"name"`
			FromName  string       `json:"fromName"`
			ToName    string       `json:"toName"`
			Value     any          `json:"value"`
			Coords    [][2]float64 `json:"coords"`
			LineStyle struct {
				Width float64 `json:"width"`
			} `json:"lineStyle"`
		} `json:"data"`
	} `json:"series"`
}

func flowMapOption(t *testing.T, measure string, st FlowStyle) (Chart, flowOption) {
	t.Helper()
	c, err := FlowMap("m", "title", testCorridor, measure, st, "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	var o flowOption
	if err := json.Unmarshal([]byte(c.Option), &o); err != nil {
		t.Fatal(err)
	}
	return c, o
}

// TestFlowMapLines: one line per flow with a value of the measure, from
// the partner city's anchor to the district's, wider for more; both ends
// as points; the legend names exactly the series; every city with a
// value shaded; the effect only on the wall.
func TestFlowMapLines(t *testing.T) {
	c, o := flowMapOption(t, MeasurePlatforms, FlowStyle{})
	if o.Geo.Map != "山东" || c.Empty || !slices.Contains(c.Maps, "山东") {
		t.Fatalf("map %q empty %v maps %v", o.Geo.Map, c.Empty, c.Maps)
	}
	var names []string
	for _, s := range o.Series {
		names = append(names, s.Name)
	}
	if !slices.Equal(names, o.Legend.Data) {
		t.Errorf("legend %v, series %v", o.Legend.Data, names)
	}
	lines := o.Series[0]
	if lines.Type != "lines" || len(lines.Data) != 2 { // 青岛's flow has no platform
		t.Fatalf("lines %+v", lines)
	}
	if lines.Effect == nil || lines.Effect.Show {
		t.Errorf("desk map lines move: %+v", lines.Effect)
	}
	l0, l1 := lines.Data[0], lines.Data[1]
	if l0.FromName != "济南市" || l0.ToName != "张店区" || l0.Coords[0] != anchors["济南市"] || l0.Coords[1] != anchors["张店区"] || l0.LineStyle.Width <= l1.LineStyle.Width {
		t.Errorf("lines %+v %+v", l0, l1)
	}
	if len(o.Series[1].Data) != 1 || o.Series[1].Data[0].Name != "济南市" || len(o.Series[2].Data) != 2 {
		t.Errorf("ends: partners %+v, districts %+v", o.Series[1].Data, o.Series[2].Data)
	}
	shaded := map[string]string{}
	for _, r := range o.Geo.Regions {
		shaded[r.Name] = r.ItemStyle.AreaColor
	}
	if shaded["济南市"] == "" || shaded["淄博市"] == "" || shaded["济南市"] == shaded["淄博市"] {
		t.Errorf("regions %v: want 济南市 and 淄博市 shaded apart", shaded)
	}

	_, o = flowMapOption(t, MeasureProjects, FlowStyle{Wall: true})
	if len(o.Series[0].Data) != 2 || o.Series[0].Effect == nil || !o.Series[0].Effect.Show || o.Series[1].Type != "effectScatter" {
		t.Errorf("wall projects: %+v", o.Series[0])
	}
	if _, ok := shadedNames(o)["青岛市"]; !ok {
		t.Errorf("青岛市 sends projects and is not shaded: %v", shadedNames(o))
	}
	c, o = flowMapOption(t, MeasureFunding, FlowStyle{})
	if len(o.Series[0].Data) != 1 || o.Legend.Data[0] != "资金（万元）" {
		t.Errorf("funding: legend %v lines %+v", o.Legend.Data, o.Series[0].Data)
	}
	if !strings.Contains(c.Note, "1 家合作单位所在城市未知") {
		t.Errorf("note %q does not say a partner was left out", c.Note)
	}
	if c, err := FlowMap("m", "t", &analytics.Corridor{Home: "淄博市"}, MeasureFunding, FlowStyle{}, "en"); err != nil || !c.Empty {
		t.Errorf("no flows: empty %v, %v", c.Empty, err)
	}
}

func shadedNames(o flowOption) map[string]bool {
	out := map[string]bool{}
	for _, r := range o.Geo.Regions {
		out[r.Name] = true
	}
	return out
}
