package ingest_test

import (
	"context"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

// TestProjectPartPrefix: a project sheet's 其中财政资金（万元） and
// 其中：财政资金 fill funding_fiscal, as 财政资金 does.
func TestProjectPartPrefix(t *testing.T) {
	ctx := context.Background()
	for _, header := range []string{"其中财政资金（万元）", "其中：财政资金（万元）", "其中:财政资金（万元）", "含财政资金（万元）", "包括财政资金（万元）"} {
		d := h.DB(t)
		csv := "项目名称,立项时间,总投资（万元）," + header + "\n甲项目,2022-04-01,300,120.5\n乙项目,2023-04-01,100,50\n"
		rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: writeFile(t, "projects.csv", csv)})
		if err != nil || rep.Kind != "project" || rep.Accepted != 2 || len(rep.Extra) != 0 {
			t.Fatalf("%s: %v %+v", header, err, rep)
		}
		var fiscal, total string
		if err := d.Conn.QueryRow(ctx, "SELECT toString(sum(funding_fiscal)), toString(sum(funding_total)) FROM projects_current").Scan(&fiscal, &total); err != nil {
			t.Fatal(err)
		}
		if fiscal != "1705000" || total != "4000000" {
			t.Errorf("%s: fiscal %s total %s yuan, want 1705000 and 4000000", header, fiscal, total)
		}
	}
}
