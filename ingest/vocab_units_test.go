package ingest_test

import (
	"context"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

// TestEveryMoneyUnitConverts: an observation in any money unit the
// vocabulary knows is stored in yuan (千万元 and 万元人民币 were stored
// unconverted when ingest kept its own short table).
func TestEveryMoneyUnitConverts(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "obs.csv", `指标,地区,时期,数值,单位
技术合同成交额,淄博市,2021,1.5,千万元
技术合同成交额,淄博市,2022,300,万元人民币
技术合同成交额,淄博市,2023,2,亿元
技术合同成交额,淄博市,2024,12,10k yuan
`)
	if _, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p}); err != nil {
		t.Fatal(err)
	}
	for year, want := range map[int]uint64{2021: 15_000_000, 2022: 3_000_000, 2023: 200_000_000, 2024: 120_000} {
		if n := count(t, d.Conn, "SELECT toUInt64(round(sum(value))) FROM observations_current WHERE toYear(period_start) = ? AND unit = '元'", year); n != want {
			t.Errorf("%d: %d yuan, want %d", year, n, want)
		}
	}
}

// TestBlankPlaceholdersAreEmpty: "-", "—", "/" and 无 in optional cells
// mean no value, as the vocabulary says, instead of refusing the file.
func TestBlankPlaceholdersAreEmpty(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "projects.csv", `项目名称,承担单位,区县,开始时间,总投入（万元）,财政资金（万元）,备注
甲项目,甲公司,张店区,2021-03-01,100,-,无
乙项目,乙公司,淄川区,2021-04-01,—,/,
丙项目,丙公司,博山区,2021-05-01,50,20,-
`)
	rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p})
	if err != nil || rep.Accepted != 3 {
		t.Fatalf("load: %+v %v", rep, err)
	}
	if n := count(t, d.Conn, "SELECT toUInt64(sum(funding_total)) FROM projects_current"); n != 1_500_000 {
		t.Errorf("funding_total sum %d yuan, want 1500000", n)
	}
	if n := count(t, d.Conn, "SELECT countIf(funding_fiscal = 0) FROM projects_current"); n != 2 {
		t.Errorf("%d projects without fiscal funding, want 2", n)
	}
}
