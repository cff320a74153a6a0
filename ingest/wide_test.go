package ingest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

// TestWideQuarterly: 2023年淄博市技术合同成交情况（单位：万元）, one row per
// district, 一季度…四季度 and 全年 across, made in an office suite: 9 rows ×
// 4 quarters become 36 observations in yuan; 全年 (the sum of the quarters)
// and the 合计 row are left out, so nothing counts twice; the bare 高新区
// row is 淄博高新区, and the report says all of it.
func TestWideQuarterly(t *testing.T) {
	d := h.DB(t)
	rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: fixture(t, "quarterly-wide.xlsx", "技术合同.xlsx")})
	if err != nil || rep.Status != "loaded" || rep.Kind != "observation" || rep.Accepted != 36 || rep.Rejected != 0 {
		t.Fatalf("load: %+v %v", rep, err)
	}
	q := "SELECT count() FROM observations_current WHERE metric = '技术合同成交' AND grain = 'quarter' AND unit = '元' AND toYear(period_start) = 2023"
	if n := count(t, d.Conn, q); n != 36 {
		t.Errorf("quarterly observations: %d, want 36", n)
	}
	if n := count(t, d.Conn, "SELECT count() FROM observations_current"); n != 36 {
		t.Errorf("all observations: %d, want 36 (no 全年 rows)", n)
	}
	if s := text(t, d.Conn, "SELECT toString(sum(value)) FROM observations_current"); s != "2573012500" {
		t.Errorf("sum = %s 元, want 2573012500 (257301.25万元, the quarters only)", s)
	}
	if s := text(t, d.Conn, "SELECT toString(sum(value)) FROM observations_current WHERE place_code = '370303'"); s != "605007500" {
		t.Errorf("张店区 = %s 元, want 605007500", s)
	}
	if s := text(t, d.Conn, "SELECT toString(sum(value)) FROM observations_current WHERE place_code = '370300-GX' AND period_start = '2023-10-01'"); s != "220000000" {
		t.Errorf("高新区 四季度 = %s 元, want 220000000", s)
	}
	for _, want := range []string{"宽表：按列的时期已转为 36 条观测值（一季度、二季度、三季度、四季度）", "时期列的年份取自标题：2023年",
		"指标取自标题：技术合同成交", "“全年”列是合计，不是时期，未导入", "数值的单位取自表上方“（单位：万元）”：万元", "高新区按淄博高新区（370300-GX）处理"} {
		if !hasNote(rep, want) {
			t.Errorf("no note %q in %+v", want, rep.Notes)
		}
	}
}

// TestWideQuarterlyHomeCity: with 济南 as the home city the bare 高新区 is
// 济南高新区; with a home city that has no zone it is refused, the error
// listing the zones (once per observation of the row: 4).
func TestWideQuarterlyHomeCity(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	p := fixture(t, "quarterly-wide.xlsx", "技术合同.xlsx")
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p, HomeCity: "370100"})
	if err != nil || rep.Accepted != 36 || !hasNote(rep, "高新区按济南高新区（370100-GX）处理") {
		t.Fatalf("home 济南: %+v %v", rep, err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM observations_current WHERE place_code = '370100-GX'"); n != 4 {
		t.Errorf("济南高新区 rows: %d, want 4", n)
	}
	rep, err = ingest.Load(ctx, d.Conn, ingest.Options{Path: p, HomeCity: "青岛", Force: true})
	if err == nil || rep.Rejected != 4 || !strings.Contains(rep.Errors[0].Msg, "济南高新区 or 淄博高新区") || rep.Errors[0].Line != 11 {
		t.Fatalf("home 青岛: %+v %v", rep, err)
	}
	if _, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p, HomeCity: "张店区"}); err == nil || !strings.Contains(err.Error(), "--home-city") {
		t.Errorf("home 张店区: %v", err)
	}
}

// TestWideMonthly: 淄川区科技创新主要指标月度统计表, a metric per row with
// its unit, 2023年 merged over 1月…12月 and a 合计 column, made in an
// office suite: 46 observations (two cells are "-"), money in yuan,
// counts as counted, all in 淄川区 from the title.
func TestWideMonthly(t *testing.T) {
	d := h.DB(t)
	rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: fixture(t, "monthly-wide.xlsx", "月度指标.xlsx")})
	if err != nil || rep.Status != "loaded" || rep.Accepted != 46 || rep.Rejected != 0 {
		t.Fatalf("load: %+v %v", rep, err)
	}
	q := "SELECT count() FROM observations_current WHERE place_code = '370302' AND grain = 'month' AND period_start BETWEEN '2023-01-01' AND '2023-12-01'"
	if n := count(t, d.Conn, q); n != 46 {
		t.Errorf("monthly observations in 淄川区: %d, want 46", n)
	}
	for metric, want := range map[string]string{
		"技术合同成交额 元 12": "103610000", "R&D经费投入 元 12": "1500000000", "高新技术企业数 家 12": "2350", "新增科技型中小企业 个 10": "63",
	} {
		f := strings.Fields(metric)
		got := text(t, d.Conn, "SELECT concat(toString(count()), ' ', toString(sum(value))) FROM observations_current WHERE metric = ? AND unit = ?", f[0], f[1])
		if got != f[2]+" "+want {
			t.Errorf("%s: count and sum %s, want %s %s", f[0], got, f[2], want)
		}
	}
	for _, want := range []string{"宽表：按列的时期已转为 46 条观测值（2023年/1月、", "地区取自标题：淄川区", "2 个空单元格", "“合计”列是合计"} {
		if !hasNote(rep, want) {
			t.Errorf("no note %q in %+v", want, rep.Notes)
		}
	}
	if hasNote(rep, "时期列的年份取自标题") {
		t.Error("the year is in the headers, not the title")
	}
}

// TestWideRefusals: a wide sheet whose periods have no year anywhere, or
// with no place anywhere, is refused with what to write where.
func TestWideRefusals(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	for name, c := range map[string]struct{ csv, want string }{
		"no-year.csv":   {"淄川区技术合同成交额\n指标,一季度,二季度\n技术合同成交额,1,2\n", "在标题（如“2023年…”）或表头（如“2023年一季度”）写明年份"},
		"no-place.csv":  {"2023年技术合同成交额\n指标,一季度,二季度\n技术合同成交额,1,2\n", "--district"},
		"two-years.csv": {"2022-2023年淄川区技术合同成交额\n指标,一季度,二季度\n技术合同成交额,1,2\n", "标题中有多个年份（2022年、2023年）"},
	} {
		_, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: writeFile(t, name, c.csv)})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: writeFile(t, "no-place.csv", "2023年技术合同成交额\n指标,一季度,二季度\n技术合同成交额,1,2\n"), District: "370302"})
	if err != nil || rep.Accepted != 2 {
		t.Errorf("--district 370302: %+v %v", rep, err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM observations_current WHERE place_code = '370302' AND grain = 'quarter'"); n != 2 {
		t.Errorf("observations: %d, want 2", n)
	}
}

// TestWideKeepsOtherColumns: a wide table's columns that are neither a
// label nor a period (填报人 here) go with every observation of their row
// as extra attributes, and its 序号 column is skipped.
func TestWideKeepsOtherColumns(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "wide.csv", `序号,指标,区县,2022年,2023年,填报人,单位
1,技术合同成交额,张店区,10,12,王芳,万元
2,技术合同成交额,淄川区,8,9,李明,万元
`)
	rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p})
	if err != nil || rep.Accepted != 4 {
		t.Fatalf("load: %+v %v", rep, err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM observations_current WHERE extra['填报人'] = '王芳' AND place_code = '370303'"); n != 2 {
		t.Errorf("张店区 observations with 填报人 王芳: %d, want 2", n)
	}
	if n := count(t, d.Conn, "SELECT count() FROM observations_current WHERE mapContains(extra, '序号')"); n != 0 {
		t.Errorf("序号 kept on %d observations", n)
	}
	if len(rep.Extra) != 1 || rep.Extra[0] != "填报人" {
		t.Errorf("report extra columns %q, want [填报人]", rep.Extra)
	}
}
