package ingest_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

// TestPlatformMoneyHeaders: each way a platform sheet heads its money
// columns fills invest_total, invest_fiscal or invest_self, in the unit of
// the header or of the group label above it, stored in yuan; a part
// prefix (其中, 其中：, 其中:, 含, 包括) names the field after it.
func TestPlatformMoneyHeaders(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		header, row         string // money columns: header row(s) ("|" between rows) and the one platform's cells
		total, fiscal, self string // yuan as stored, "" for NULL
		extra               []string
	}{
		{"财政投入（万元）,企业自筹资金（万元）", "120,80", "", "1200000", "800000", nil},
		{"财政资金,自筹资金", "50000,30000", "", "50000", "30000", nil},
		{"总投入（万元）,其中财政资金（万元）", "200,120", "2000000", "1200000", "", nil},
		{"投入资金(合计)（万元）,其中：财政资金（万元）,其中:企业自筹（万元）", "200,120,80", "2000000", "1200000", "800000", nil},
		{"投入资金（万元）,含企业自筹（万元）", "200,80", "2000000", "", "800000", nil},
		{"投入资金（亿元）,包括自筹资金（亿元）", "1.5,0.5", "150000000", "", "50000000", nil},
		{"投入资金（万元）,|财政资金,企业自筹", "120,80", "", "1200000", "800000", nil},
		{"投入资金,,|财政资金（万元）,企业自筹（万元）,合计（万元）", "120,80,200", "2000000", "1200000", "800000", nil},
		// A member of the group that no field takes is not the group's total.
		{"投入资金（万元）,,|财政资金,企业自筹,其他", "120,80,5", "", "1200000", "800000", []string{"投入资金（万元）/其他"}},
	} {
		t.Run(c.header, func(t *testing.T) {
			d := h.DB(t)
			rows := strings.Split(c.header, "|")
			csv := "平台名称,共建时间," + rows[0] + "\n"
			if len(rows) == 2 {
				csv += ",," + rows[1] + "\n"
			}
			csv += "甲研究院,2023-03-01," + c.row + "\n"
			rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: writeFile(t, "p.csv", csv)})
			if err != nil || rep.Kind != "platform" || rep.Accepted != 1 || !reflect.DeepEqual(rep.Extra, c.extra) {
				t.Fatalf("load: %v %+v", err, rep)
			}
			var total, fiscal, self string
			err = d.Conn.QueryRow(ctx, `SELECT ifNull(toString(any(invest_total)), ''), ifNull(toString(any(invest_fiscal)), ''),
				ifNull(toString(any(invest_self)), '') FROM platforms_current`).Scan(&total, &fiscal, &self)
			if err != nil {
				t.Fatal(err)
			}
			if total != c.total || fiscal != c.fiscal || self != c.self {
				t.Fatalf("total %q fiscal %q self %q, want %q %q %q", total, fiscal, self, c.total, c.fiscal, c.self)
			}
		})
	}
}
