package analytics_test

import (
	"context"
	"testing"

	"github.com/zibo-kj/corridor/analytics"
)

// fxHosted are joint platforms with their Zibo hosts: the ties the
// corridor map draws from the partners' cities.
const fxHosted = `平台名称,级别,合作单位,依托单位,区县,共建时间
A,市级,山东大学,甲公司,淄川区,2019-03-10
B,省级,山东大学、山东科技大学,乙公司,张店区,2019-11-02
C,市级,济大,丙公司,淄川区,2021-05-05
D,市级,某某研究所,丁公司,周村区,2021-06-01
E,市级,山东大学、济南大学,,临淄区,2022-03-01
`

// TestCorridorByHand: ties group by the partner's city and the record's
// district; funding from the home city's own bodies is no corridor flow;
// a partner whose city is unknown is listed, not dropped silently.
func TestCorridorByHand(t *testing.T) {
	s := fixture(t, map[string]string{"p.csv": fxHosted, "f.csv": fxFunding})
	ctx := context.Background()
	c, err := s.Corridor(ctx, filter(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	got := map[[2]string]analytics.CorridorFlow{}
	for _, fl := range c.Flows {
		got[[2]string{fl.From, fl.To}] = fl
	}
	// 济南: A + C in 淄川区, B in 张店区, and 山东大学's 30余万元 to 甲公司 in 淄川区;
	// 青岛 (山东科技大学): B in 张店区; E, with two Jinan partners and no
	// host, is one platform for Jinan. 淄博市财政局's payments are not flows.
	want := map[[2]string]analytics.CorridorFlow{
		{"济南市", "淄川区"}: {From: "济南市", To: "淄川区", ToCode: "370302", Platforms: 2, Funding: 3e5, Approx: true},
		{"济南市", "张店区"}: {From: "济南市", To: "张店区", ToCode: "370303", Platforms: 1},
		{"青岛市", "张店区"}: {From: "青岛市", To: "张店区", ToCode: "370303", Platforms: 1},
		{"济南市", "临淄区"}: {From: "济南市", To: "临淄区", ToCode: "370305", Platforms: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("flows %+v, want %+v", c.Flows, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("flow %v = %+v, want %+v", k, got[k], w)
		}
	}
	if c.Flows[0].From != "济南市" || c.Flows[0].To != "淄川区" || c.Home != "淄博市" {
		t.Errorf("heaviest first: %+v (home %s)", c.Flows[0], c.Home)
	}
	if len(c.Unplaced) != 1 || c.Unplaced[0] != "某某研究所" {
		t.Errorf("unplaced %v, want [某某研究所]", c.Unplaced)
	}
	// The district filter keeps its district's flows only.
	c, err = s.Corridor(ctx, filter(t, "district=370303"))
	if err != nil {
		t.Fatal(err)
	}
	for _, fl := range c.Flows {
		if fl.To != "张店区" {
			t.Errorf("district filter kept %+v", fl)
		}
	}
	if len(c.Flows) != 2 {
		t.Errorf("张店区 flows %+v, want 2", c.Flows)
	}
}
