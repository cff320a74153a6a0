package textx

import (
	"os"
	"slices"
	"testing"

	"github.com/zibo-kj/corridor/vocab"
)

// TestSeedLetter holds Extract to what the bureau's own reply letter (the
// seed this project grew from) must yield.
func TestSeedLetter(t *testing.T) {
	raw, err := os.ReadFile("testdata/seed_reply.txt")
	if err != nil {
		t.Fatal(err)
	}
	cands := Extract(string(raw), Options{HomePlace: "淄博"})
	for _, c := range cands {
		t.Logf("%s %q = %v %s %s metric=%q code=%s level=%s place=%s partners=%v period=%s perYear=%v cum=%v",
			c.Kind, c.Span, c.Value, c.Unit, c.Qualifier, c.Metric, c.MetricCode, c.Level, c.PlaceCode,
			c.Partners, c.Period, c.PerYear, c.Cumulative)
	}
	find := func(kind, span string) Candidate {
		t.Helper()
		for _, c := range cands {
			if c.Kind == kind && c.Span == span {
				return c
			}
		}
		t.Fatalf("no %s %q", kind, span)
		return Candidate{}
	}

	platforms := find("figure", "30余个")
	want := []string{"山东大学", "山东科技大学", "济南大学", "齐鲁工业大学"}
	if platforms.Value != 30 || platforms.Qualifier != vocab.AtLeast || platforms.Metric != "共建平台" ||
		platforms.MetricCode != "platforms" || !slices.Equal(platforms.Partners, want) ||
		platforms.PlaceCode != "370300" || !platforms.Cumulative || platforms.Period != "2021-07" {
		t.Errorf("30余个: %+v", platforms)
	}
	projects := find("figure", "70多项")
	if projects.Value != 70 || projects.Unit != "项" || projects.Qualifier != vocab.AtLeast ||
		projects.MetricCode != "projects" || projects.Metric != "联合开展项目合作" {
		t.Errorf("70多项: %+v", projects)
	}
	funding := find("figure", "1亿元")
	if funding.Value != 1e8 || funding.Unit != "元" || funding.MetricCode != "funding" || !funding.PerYear ||
		funding.Period != "2020" || funding.Metric != "拨付资金" || !slices.Contains(funding.Partners, "山东产业技术研究院") {
		t.Errorf("1亿元: %+v", funding)
	}
	spaces := find("figure", "3家")
	if spaces.Value != 3 || spaces.Level != "provincial" || spaces.MetricCode != "carriers_makerspace" ||
		spaces.PlaceCode != "370302" || spaces.Metric != "省级备案众创空间" {
		t.Errorf("3家: %+v", spaces)
	}
	for _, w := range []struct{ span, period, partner string }{
		{"签订全面合作协议", "2019-09", "山东大学"},
		{"签约仪式", "2021-03-02", "山东科技大学"},
		{"签署全面战略合作协议", "2020", "山东产业技术研究院"},
	} {
		a := find("agreement", w.span)
		if a.Period != w.period || !slices.Contains(a.Partners, w.partner) || a.Value != 1 || a.Unit != "项" ||
			a.MetricCode != "agreements" {
			t.Errorf("agreement %q: %+v", w.span, a)
		}
	}
	if len(cands) != 7 {
		t.Errorf("want exactly 7 candidates (4 figures, 3 agreements), got %d", len(cands))
	}
}
