package ingest_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/zibo-kj/corridor/ingest"
)

// TestOfficeSuitePlatformSheet loads a platform sheet made the way district
// offices make them (testdata/sheets/platforms-2023.html through
// LibreOffice): a title row, 投入资金（万元） merged over 财政资金 / 企业自筹 /
// 合计, 序号, 负责人 and 联系电话 columns, a 合计 row and a 填表人 note. With no
// flags it loads whole: every platform, its money in yuan, its contacts as
// extra attributes, and a report that says what became of each column.
func TestOfficeSuitePlatformSheet(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: filepath.Join("testdata", "sheets", "platforms-2023.xlsx")})
	if err != nil {
		t.Fatalf("load: %v %+v", err, rep)
	}
	if rep.Kind != "platform" || rep.Status != "loaded" || rep.Accepted != 5 || rep.Rejected != 0 {
		t.Fatalf("report: kind %s status %s accepted %d rejected %d", rep.Kind, rep.Status, rep.Accepted, rep.Rejected)
	}
	if !reflect.DeepEqual(rep.Extra, []string{"负责人", "联系电话"}) || !reflect.DeepEqual(rep.Serial, []string{"序号"}) || len(rep.Empty) != 0 {
		t.Fatalf("columns: extra %q serial %q empty %q", rep.Extra, rep.Serial, rep.Empty)
	}
	var reasons []string
	for _, s := range rep.Skips {
		reasons = append(reasons, s.Reason)
	}
	if !reflect.DeepEqual(reasons, []string{"title", "total", "note"}) {
		t.Fatalf("skipped rows %+v, want the title, the 合计 row and the note", rep.Skips)
	}
	sum := rep.Summary()
	for _, want := range []string{`保留为附加属性 kept as extra attributes ["负责人", "联系电话"]`, `序号列，已跳过 serial numbers skipped ["序号"]`} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary %q lacks %q", sum, want)
		}
	}
	if strings.Contains(sum, "not loaded") {
		t.Errorf("summary %q says columns were not loaded", sum)
	}

	if n := count(t, d.Conn, "SELECT count() FROM platforms_current"); n != 5 {
		t.Fatalf("platforms_current: %d, want 5", n)
	}
	var fiscal, self, total decimal.Decimal
	var fiscalN, selfN, totalN uint64
	err = d.Conn.QueryRow(ctx, `SELECT sum(invest_fiscal), sum(invest_self), sum(invest_total),
		count(invest_fiscal), count(invest_self), count(invest_total) FROM platforms_current`).Scan(&fiscal, &self, &total, &fiscalN, &selfN, &totalN)
	if err != nil {
		t.Fatal(err)
	}
	// 500 + 300.5 + 1000 + 0 + 200 万元; 1500 + — + 2000.25 + 800 + 50 万元; the 合计 column.
	if fiscal.String() != "20005000" || self.String() != "43502500" || total.String() != "63507500" {
		t.Fatalf("sums fiscal %s self %s total %s yuan, want 20005000, 43502500, 63507500", fiscal, self, total)
	}
	if fiscalN != 5 || selfN != 4 || totalN != 5 {
		t.Fatalf("figures stated: fiscal %d self %d total %d, want 5, 4 (— is no figure), 5", fiscalN, selfN, totalN)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms_current WHERE name = '山东省科学院淄博分院' AND invest_fiscal = 0"); n != 1 {
		t.Fatalf("a stated 0 must stay 0, not NULL: %d rows", n)
	}

	rows, err := d.Conn.Query(ctx, "SELECT name, extra['负责人'], extra['联系电话'], mapKeys(extra) FROM platforms_current ORDER BY source_line")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var name, lead, phone string
		var keys []string
		if err := rows.Scan(&name, &lead, &phone, &keys); err != nil {
			t.Fatal(err)
		}
		got = append(got, name+"|"+lead+"|"+phone+"|"+strings.Join(keys, ","))
	}
	want := []string{
		"山东大学淄博新材料研究院|张伟|0533-2181001|负责人,联系电话",
		"齐鲁工业大学淄博陶瓷联合实验室|李娜|13805330002|负责人,联系电话",
		"济南大学淄博功能材料中试基地|王强|0533-5180003|负责人,联系电话",
		"山东省科学院淄博分院|刘洋|13905330004|负责人,联系电话",
		"山东师范大学淄博研究生工作站|陈静||负责人",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("extra attributes read back:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
