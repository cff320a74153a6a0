package analytics_test

import (
	"context"
	"testing"
)

// fxInvest: platforms with investment stated for some (a blank is no
// figure, not 0) and contacts the mapping keeps as extra attributes.
const fxInvest = `平台名称,区县,共建时间,财政资金（万元）,企业自筹（万元）,负责人,联系电话
A,淄川区,2021-03-10,100,50,张伟,0533-1
B,张店区,2021-11-02,,30,李娜,
C,淄川区,2022-05-05,20.5,,,13800000003
D,博山区,2022-08-01,,,王强,
`

// TestPlatformInvestMetrics: the catalog's platform investment metrics sum
// the stated figures in yuan; platforms without a figure count neither as
// 0 nor in the drill-down behind the number.
func TestPlatformInvestMetrics(t *testing.T) {
	s := fixture(t, map[string]string{"p.csv": fxInvest})
	ctx := context.Background()
	ss, err := s.Series(ctx, []string{"platforms_new", "platform_invest_fiscal", "platform_invest_self"}, filter(t, "grain=year&from=2021&to=2022"))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := values(ss[0]); !eq(v, []float64{2, 2}) {
		t.Fatalf("platforms_new %v", v)
	}
	if v, filled := values(ss[1]); !eq(v, []float64{1e6, 205e3}) || filled[0] || filled[1] {
		t.Fatalf("platform_invest_fiscal %v filled %v, want 1,000,000 and 205,000 yuan", v, filled)
	}
	// 2022: no platform states self-raised money, so the year has no figure.
	if v, filled := values(ss[2]); !eq(v, []float64{8e5, 0}) || filled[0] || !filled[1] {
		t.Fatalf("platform_invest_self %v filled %v, want 800,000 then none", v, filled)
	}
	b, err := s.Breakdown(ctx, "platform_invest_fiscal", "district", 0, filter(t, ""))
	if err != nil || len(b.Rows) != 1 || b.Rows[0].Label != "淄川区" || b.Rows[0].Value != 1205e3 {
		t.Fatalf("fiscal by district: %+v %v", b, err)
	}
	r, err := s.Rows(ctx, "platform_invest_fiscal", "", "", filter(t, ""), 1, 50)
	if err != nil || r.Total != 2 {
		t.Fatalf("rows behind fiscal investment: %+v %v, want A and C", r, err)
	}
}
