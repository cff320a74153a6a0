package charts

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/analytics/index"
)

// series decodes the names and D-point names of a chart option.
func series(t *testing.T, c Chart) (names []string, pointNames []string) {
	t.Helper()
	var o struct {
		Series []struct {
			Name string `json:"name"`
			Data []struct {
				Name string `json:"name"`
			} `json:"data"`
		} `json:"series"`
	}
	if err := json.Unmarshal([]byte(c.Option), &o); err != nil {
		t.Fatal(err)
	}
	for _, s := range o.Series {
		names = append(names, s.Name)
	}
	for _, d := range o.Series[0].Data {
		pointNames = append(pointNames, d.Name)
	}
	return names, pointNames
}

func testResult(t *testing.T) *index.Result {
	t.Helper()
	cfg := index.Config{Version: "t", BasePeriod: "2018", Draws: 50, Pillars: []index.Pillar{
		{Code: "p", Weight: 1, Indicators: []index.Indicator{{Code: "a", Weight: 1, Direction: 1}}},
	}}
	res, err := index.Compute(cfg, index.Data{"a": {{Period: "2018", Value: 2}, {Period: "2019", Value: 3}, {Period: "2020", Value: 0}}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestIndexBandIsOneLine: the headline chart is the index and its band,
// never a second aggregate beside it; the note names the base year.
func TestIndexBandIsOneLine(t *testing.T) {
	c, err := IndexBand("b", "融合指数", testResult(t), "zh")
	if err != nil {
		t.Fatal(err)
	}
	names, _ := series(t, c)
	if strings.Join(names, "|") != "区间下限(P5)|稳健性区间(P5–P95)|融合指数" || !strings.Contains(c.Note, "基期 2018年 ＝ 100") {
		t.Errorf("series %q note %q", names, c.Note)
	}
	// The lower edge is a drawing aid: not in the legend, not in the
	// tooltip; the band's legend mark has the band's colour, and the
	// tooltip gets the band's edges, not its width.
	var opt struct {
		Legend struct {
			Data []string `json:"data"`
		} `json:"legend"`
		Series []struct {
			Tooltip   *struct{ Show *bool }    `json:"tooltip"`
			ItemStyle struct{ Color string }   `json:"itemStyle"`
			AreaStyle struct{ Color string }   `json:"areaStyle"`
			Band      *struct{ P5, P95 []any } `json:"corridorBand"`
			Data      []struct{ Value any }    `json:"data"`
		} `json:"series"`
	}
	if err := json.Unmarshal([]byte(c.Option), &opt); err != nil {
		t.Fatal(err)
	}
	if strings.Join(opt.Legend.Data, "|") != "稳健性区间(P5–P95)|融合指数" {
		t.Errorf("legend %+v", opt.Legend)
	}
	low, band := opt.Series[0], opt.Series[1]
	if low.Tooltip == nil || low.Tooltip.Show == nil || *low.Tooltip.Show {
		t.Errorf("the lower edge shows in the tooltip: %+v", low.Tooltip)
	}
	if band.ItemStyle.Color == "" || band.ItemStyle.Color != band.AreaStyle.Color {
		t.Errorf("band legend colour %q, area %q", band.ItemStyle.Color, band.AreaStyle.Color)
	}
	if band.Band == nil || len(band.Band.P5) != 3 || band.Band.P5[0] != low.Data[0].Value || band.Band.P95[0] == band.Data[0].Value {
		t.Errorf("band edges %+v (low %+v, width %+v)", band.Band, low.Data, band.Data)
	}
}

// TestCouplingGradesOnlyWhenGraded: D's points carry grade names only when
// the result is graded; otherwise the note says why there are none.
func TestCouplingGradesOnlyWhenGraded(t *testing.T) {
	max := 10.0
	cc := index.CouplingConfig{
		U1: index.Subsystem{Code: "u1", Indicators: []index.Indicator{{Code: "a", Weight: 1, Direction: 1, Max: &max}}},
		U2: index.Subsystem{Code: "u2", Indicators: []index.Indicator{{Code: "b", Weight: 1, Direction: 1, Max: &max}}},
	}
	data := index.Data{"a": {{Period: "2020", Value: 5}}, "b": {{Period: "2020", Value: 8}}}
	for _, graded := range []bool{true, false} {
		cr, err := index.Coupling(cc, data, graded)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Coupling("c", "耦合", cr, "zh")
		if err != nil {
			t.Fatal(err)
		}
		_, points := series(t, c)
		// U1 = 0.5, U2 = 0.8: D = (0.4)^¼ = 0.795 → 中级协调.
		if graded != (points[0] == "中级协调") || graded == strings.Contains(c.Note, "不评定协调等级") {
			t.Errorf("graded %v: D point %q, note %q", graded, points[0], c.Note)
		}
	}
}

// TestRadarLeavesMissingPillarsOff: a pillar without a value in the last
// year is not drawn at 0 but named in the note.
func TestRadarLeavesMissingPillarsOff(t *testing.T) {
	cfg := index.Config{Version: "t", BasePeriod: "2018", Draws: -1}
	data := index.Data{}
	for _, code := range []string{"a", "b", "c", "d"} {
		cfg.Pillars = append(cfg.Pillars, index.Pillar{Code: code, NameZH: "维度" + code, Weight: 0.25, Indicators: []index.Indicator{{Code: code, Weight: 1, Direction: 1}}})
		data[code] = []index.Point{{Period: "2018", Value: 1}, {Period: "2019", Value: 2}}
	}
	data["d"][1] = index.Point{Period: "2019", Missing: true}
	res, err := index.Compute(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Radar("r", "维度", res, "zh")
	if err != nil {
		t.Fatal(err)
	}
	var o struct {
		Radar struct {
			Indicator []struct{ Name string } `json:"indicator"`
		} `json:"radar"`
	}
	if err := json.Unmarshal([]byte(c.Option), &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Radar.Indicator) != 3 || !strings.Contains(c.Note, "维度d") {
		t.Errorf("radar axes %+v note %q: want a, b, c and d named as missing", o.Radar.Indicator, c.Note)
	}
}
