package ingest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/ingest"
)

// fixture copies an office-suite fixture of testdata/context (made by
// make.sh) to a temp dir under the given name, since the file's name is
// part of a sheet's context.
func fixture(t *testing.T, src, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "context", src))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// hasNote reports whether the report has a note whose Chinese starts with zh.
func hasNote(rep *ingest.Report, zh string) bool {
	for _, n := range rep.Notes {
		if strings.HasPrefix(n.ZH, zh) {
			return true
		}
	}
	return false
}

// text runs a query that returns one string, such as toString(sum(amount)).
func text(t testing.TB, c driver.Conn, q string, args ...any) string {
	t.Helper()
	var s string
	if err := c.QueryRow(context.Background(), q, args...).Scan(&s); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return s
}

// TestContextDistrictAndUnit: a funding sheet made in an office suite with
// no district column and amounts in 万元 with no unit in the headers (the
// title names 淄川区, a 单位：万元 line sits above the table) loads whole
// with no flags, in yuan, in 淄川区, and the report says where both came
// from. Today's code stored 545.75 元 with no district.
func TestContextDistrictAndUnit(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: fixture(t, "funding-title.xlsx", "资金拨付.xlsx")})
	if err != nil || rep.Status != "loaded" || rep.Accepted != 4 || rep.Rejected != 0 {
		t.Fatalf("load: %+v %v", rep, err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM funding_current WHERE district_code = '370302'"); n != 4 {
		t.Errorf("rows in 淄川区: %d, want 4", n)
	}
	if s := text(t, d.Conn, "SELECT toString(sum(amount)) FROM funding_current"); s != "5457500" {
		t.Errorf("sum(amount) = %s 元, want 5457500 (545.75万元)", s)
	}
	if !hasNote(rep, "区县取自标题：淄川区") || !hasNote(rep, "“金额”的单位取自表上方“单位：万元”：万元") {
		t.Errorf("notes %+v", rep.Notes)
	}
	if !strings.Contains(rep.Summary(), "区县取自标题：淄川区 (district taken from the title: 淄川区)") {
		t.Errorf("summary %q", rep.Summary())
	}
}

// TestContextConflictAndOverride: the title says 淄川区 and the file name
// 张店区: refused, naming both and --district; --district (a code or a
// name) chooses, and the report says so.
func TestContextConflictAndOverride(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	p := fixture(t, "funding-title.xlsx", "张店区-资金.xlsx")
	_, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p})
	if err == nil || !strings.Contains(err.Error(), "标题写淄川区") || !strings.Contains(err.Error(), "文件名写张店区") || !strings.Contains(err.Error(), "--district") {
		t.Fatalf("conflict: %v", err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM funding"); n != 0 {
		t.Fatalf("a refused file left %d rows", n)
	}
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p, District: "370303"})
	if err != nil || rep.Accepted != 4 || !hasNote(rep, "区县按 --district 指定：张店区（370303）") {
		t.Fatalf("--district 370303: %+v %v", rep, err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM funding_current WHERE district_code = '370303'"); n != 4 {
		t.Errorf("rows in 张店区: %d, want 4", n)
	}
	_, err = ingest.Load(ctx, d.Conn, ingest.Options{Path: writeFile(t, "p.csv", platformsCSV), District: "淄川区"})
	if err == nil || !strings.Contains(err.Error(), "--district") || !strings.Contains(err.Error(), "区县") {
		t.Errorf("--district with a district column: %v", err)
	}
	_, err = ingest.Load(ctx, d.Conn, ingest.Options{Path: p, District: "淄州区"})
	if err == nil || !strings.Contains(err.Error(), "淄川区") {
		t.Errorf("--district 淄州区: %v, want a hint", err)
	}
}

// TestContextUnitConflict: two different units above the table refuse the
// file, naming both.
func TestContextUnitConflict(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "资金.csv", "2023年淄川区资金拨付表（单位：万元）\n单位：元\n拨付时间,接收单位,金额\n2023-01-05,淄川中试基地,5\n")
	_, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p})
	if err == nil || !strings.Contains(err.Error(), "（单位：万元）") || !strings.Contains(err.Error(), "单位：元") {
		t.Fatalf("unit conflict: %v", err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM funding"); n != 0 {
		t.Fatalf("a refused file left %d rows", n)
	}
}

// TestTitleYearOnlyForWideTables: a long sheet's period cell 一季度 is not
// completed with the title's year behind the clerk's back: it is refused.
func TestTitleYearOnlyForWideTables(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "obs.csv", "2023年淄川区科技指标\n指标,时期,数值\n技术合同成交额,一季度,5\n")
	rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p})
	if !errors.Is(err, ingest.ErrRejected) || rep.Rejected != 1 || rep.Errors[0].Header != "时期" {
		t.Fatalf("%+v %v", rep, err)
	}
}

// TestPlacesCodesAndHomeZone: a district cell may hold an area code, as
// the docs promise, and a bare 高新区 is the home city's zone, said in the
// report; a home city without a zone refuses it, listing the choices.
func TestPlacesCodesAndHomeZone(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	csv := "平台名称,区县,共建时间\n淄川陶瓷中试基地,370302,2021-03-02\n高新区智能制造研究院,高新区,2022-05-01\n济南分中心,370100-GX,2022-06-01\n"
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: writeFile(t, "平台.csv", csv)})
	if err != nil || rep.Accepted != 3 || !hasNote(rep, "高新区按淄博高新区（370300-GX）处理") {
		t.Fatalf("load: %+v %v", rep, err)
	}
	got := text(t, d.Conn, "SELECT arrayStringConcat(groupArray(district_code), ',') FROM (SELECT district_code FROM platforms_current ORDER BY name)")
	if got != "370100-GX,370302,370300-GX" { // 济南分中心, 淄川陶瓷中试基地, 高新区智能制造研究院
		t.Errorf("district codes %s", got)
	}
	rep, err = ingest.Load(ctx, d.Conn, ingest.Options{Path: writeFile(t, "平台2.csv", csv), HomeCity: "日照"})
	if !errors.Is(err, ingest.ErrRejected) || rep.Rejected != 1 || !strings.Contains(rep.Errors[0].Msg, "济南高新区 or 淄博高新区") {
		t.Fatalf("home 日照: %+v %v", rep, err)
	}
}
