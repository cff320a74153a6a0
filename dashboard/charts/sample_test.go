package charts

import (
	"encoding/json"
	"testing"
)

// TestMarkSampleMovesTopLegend: the sample mark takes the top-left corner,
// so a legend drawn at the top moves below it; a chart without a legend
// keeps its option apart from the mark.
func TestMarkSampleMovesTopLegend(t *testing.T) {
	for _, tc := range []struct {
		name, option, wantTop string
	}{
		{"top legend", `{"legend":{"show":true,"top":"2%"},"series":[]}`, "24"},
		{"legend without a place", `{"legend":{"show":true},"series":[]}`, "24"},
		{"legend placed lower", `{"legend":{"show":true,"top":"40"},"series":[]}`, "40"},
		{"hidden legend", `{"legend":{"show":false,"top":"2%"},"series":[]}`, "2%"},
	} {
		c, err := MarkSample(Chart{ID: "x", Option: tc.option}, "示例数据 · Sample data")
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Title  struct{ Text string }
			Legend struct{ Top string }
		}
		if err := json.Unmarshal([]byte(c.Option), &got); err != nil {
			t.Fatal(err)
		}
		if got.Title.Text != "示例数据 · Sample data" || got.Legend.Top != tc.wantTop {
			t.Errorf("%s: title %q, legend top %q; want the mark and top %q", tc.name, got.Title.Text, got.Legend.Top, tc.wantTop)
		}
	}
}
