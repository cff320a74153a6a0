package analytics_test

import (
	"context"
	"math"
	"strings"
	"testing"
)

// A city's own statistic and its districts' are different places: the
// series sums the districts and shows the city's figure beside it; where
// no district reported, the city's figure stands, marked.
func TestCityTotalIsNotAddedToItsDistricts(t *testing.T) {
	s := fixture(t, map[string]string{"o.csv": `指标,地区,时期,数值,单位
技术合同成交额,张店区,2023,6,亿元
技术合同成交额,淄川区,2023,4.57,亿元
技术合同成交额,淄博市,2023,45.6,亿元
技术合同成交额,淄博市,2022,40,亿元
`})
	ss, err := s.Series(context.Background(), []string{"contracts_value"}, filter(t, "from=2022&to=2023"))
	if err != nil {
		t.Fatal(err)
	}
	p22, p23 := ss[0].Points[0], ss[0].Points[1]
	if math.Abs(p23.Value-10.57e8) > 1 || p23.Stated == nil || *p23.Stated != 45.6e8 || p23.StatedOnly {
		t.Fatalf("2023: value %v stated %v only %v, want the districts' 10.57亿 beside the city's 45.6亿", p23.Value, p23.Stated, p23.StatedOnly)
	}
	if p22.Value != 40e8 || !p22.StatedOnly {
		t.Fatalf("2022: %+v, want the city's own 40亿, marked stated-only", p22)
	}
	// A district filter shows that district alone; the city filter is the city's view.
	ss, _ = s.Series(context.Background(), []string{"contracts_value"}, filter(t, "from=2023&to=2023&district=张店区"))
	if p := ss[0].Points[0]; p.Value != 6e8 || p.Stated != nil {
		t.Fatalf("张店区 2023: %+v", p)
	}
	ss, _ = s.Series(context.Background(), []string{"contracts_value"}, filter(t, "from=2023&to=2023&city=淄博市"))
	if p := ss[0].Points[0]; math.Abs(p.Value-10.57e8) > 1 || p.Stated == nil {
		t.Fatalf("淄博市 2023: %+v", p)
	}
	b, err := s.Breakdown(context.Background(), "contracts_value", "district", 0, filter(t, "from=2023&to=2023"))
	if err != nil || math.Abs(b.Total-10.57e8) > 1 {
		t.Fatalf("breakdown total %v %v, want the districts' 10.57亿", b, err)
	}
}

// An annual amount exists at year grain and coarser: in a quarterly
// series it is not a first-quarter value but reported apart (unplaced);
// a range ending in the middle of a year is labelled as the part it is
// and compared with the same part of the year before.
func TestGrainAndPartYears(t *testing.T) {
	s := fixture(t, map[string]string{"f.csv": `年度,拨付单位,接收单位,用途,产业领域,金额（万元）,是否财政资金,区县
2024年,淄博市财政局,分院,建设,新材料,10000,是,张店区
2024-02-10,淄博市财政局,甲公司,补助,化工,100,是,淄川区
2024-06-10,淄博市财政局,甲公司,补助,化工,300,是,淄川区
2025-03-01,淄博市财政局,甲公司,补助,化工,50,是,淄川区
`})
	ctx := context.Background()
	ss, err := s.Series(ctx, []string{"funding_fiscal"}, filter(t, "grain=quarter&from=2024Q1&to=2024Q4"))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := values(ss[0]); !eq(v, []float64{1e6, 3e6, 0, 0}) || ss[0].Unplaced != 1e8 {
		t.Fatalf("quarters %v unplaced %v, want 100万 300万 0 0 and the annual 1亿 apart", v, ss[0].Unplaced)
	}
	ss, _ = s.Series(ctx, []string{"funding_fiscal"}, filter(t, "grain=year&from=2024&to=2024"))
	if v, _ := values(ss[0]); !eq(v, []float64{1.04e8}) || ss[0].Unplaced != 0 {
		t.Fatalf("year 2024 %v unplaced %v, want 1.04亿", v, ss[0].Unplaced)
	}
	ss, _ = s.Series(ctx, []string{"funding_fiscal"}, filter(t, "grain=year&from=2024&to=2025Q1"))
	last := ss[0].Points[len(ss[0].Points)-1]
	if !last.Partial || last.Label != "2025年1—3月" || last.Value != 5e5 {
		t.Fatalf("2025 part: %+v", last)
	}
	// Like with like: 2025年1—3月 (50万) against 2024年1—3月 (100万, the annual line is not in a part) = −50%.
	if last.YoY == nil || math.Abs(*last.YoY+0.5) > 1e-9 || last.PoP != nil {
		t.Fatalf("2025 part yoy %v pop %v, want -0.5 and none", last.YoY, last.PoP)
	}
	// The annual line does not belong to a range that stops inside its year.
	b, _ := s.Breakdown(ctx, "funding_fiscal", "district", 0, filter(t, "from=2024&to=2024Q2"))
	if b.Total != 4e6 {
		t.Fatalf("2024 H1 total %v, want 400万 without the annual 1亿", b.Total)
	}
}

// The home city's own bodies are not partners: an agreement's partner is
// its counterpart; funding is split by payer, not by partner.
func TestHomeBodiesAreNotPartners(t *testing.T) {
	s := fixture(t, map[string]string{"a.csv": `签约日期,协议名称,签约各方,类型,区县
2023-05-01,全面合作协议,淄博市人民政府、山东大学,战略合作,张店区
2023-06-01,共建协议,淄川区人民政府、济南大学、山东大学,共建,淄川区
2023-07-01,框架协议,淄博市科学技术局,框架,张店区
`})
	ctx := context.Background()
	b, err := s.Breakdown(ctx, "agreements_new", "partner", 0, filter(t, "from=2023&to=2023"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, r := range b.Rows {
		got[r.Label] = r.Value
	}
	if len(got) != 3 || got["山东大学"] != 2 || got["济南大学"] != 1 || got["未填写"] != 1 || b.Total != 3 {
		t.Fatalf("partners %v total %v, want 山东大学 2, 济南大学 1, 未填写 1 (the bureau's own) of 3 agreements", got, b.Total)
	}
	r, err := s.Rows(ctx, "agreements_new", "partner", "", filter(t, "from=2023&to=2023"), 1, 10)
	if err != nil || r.Total != 1 {
		t.Fatalf("the 未填写 group drills to %v rows (%v), want the one agreement without a counterpart", r, err)
	}
	if _, err := s.Breakdown(ctx, "funding_total", "partner", 0, filter(t, "")); err == nil || !strings.Contains(err.Error(), "by=payer") {
		t.Fatalf("funding by partner: %v, want a refusal pointing to by=payer", err)
	}
}

// A carrier is one carrier through its history: an upgrade 省级 → 国家级 and
// a path 孵化器 → 加速器 are steps, not new carriers.
func TestCarrierIsOneThroughItsHistory(t *testing.T) {
	s := fixture(t, map[string]string{"c.csv": `载体名称,载体类型,级别,区县,认定时间
甲空间,众创空间,省级,张店区,2019-05-01
甲空间,众创空间,国家级,张店区,2021-06-01
乙孵化器,孵化器,省级,淄川区,2020-03-01
乙孵化器,加速器,省级,淄川区,2022-03-01
丙空间,众创空间,市级,张店区,2020-01-01
丁孵化器,孵化器,国家级,博山区,2021-01-01
戊空间,众创空间,省级,临淄区,2022-09-01
`})
	ss, err := s.Series(context.Background(), []string{"carriers_total", "carriers_provincial_plus"}, filter(t, "from=2019&to=2022"))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := values(ss[0]); !eq(v, []float64{1, 3, 4, 5}) {
		t.Fatalf("carriers %v, want 1 3 4 5 (five carriers, seven steps)", v)
	}
	if v, _ := values(ss[1]); !eq(v, []float64{1, 2, 3, 4}) {
		t.Fatalf("provincial+ %v, want 1 2 3 4 (甲's upgrade is not a new carrier)", v)
	}
}
