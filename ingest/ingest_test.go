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

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func count(t testing.TB, c driver.Conn, q string, args ...any) uint64 {
	t.Helper()
	var n uint64
	if err := c.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

const platformsCSV = `平台名称,平台类型,级别,合作单位,依托单位,区县,共建时间
山大-淄博先进制造与人工智能研究院,研究院,市级,山大,淄博某公司,张店区,2019年11月18日
山东大学淄博生物医药研究院,研究院,市级,山东大学,金城医药,淄川,2020-05-20
济大-齐鲁陶瓷联合实验室,联合实验室,省级,济南大学、山东省科学院,华光陶瓷,博山区,2021/3/2
`

func TestLoadReloadCorrectWithdraw(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	p := writeFile(t, "platforms.csv", platformsCSV)
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if rep.Kind != "platform" || rep.Status != "loaded" || rep.Accepted != 3 {
		t.Fatalf("report %+v", rep)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms_current"); n != 3 {
		t.Fatalf("platforms_current: %d, want 3", n)
	}
	// aliases and places normalised
	if n := count(t, d.Conn, "SELECT count() FROM platforms_current WHERE has(partners, '山东大学') AND district_code IN ('370303', '370302')"); n != 2 {
		t.Fatalf("山大 → 山东大学 with 张店/淄川 codes: %d rows, want 2", n)
	}

	// The same file again changes nothing.
	rep2, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p})
	if err != nil || rep2.Status != "already_loaded" || rep2.SourceID != rep.SourceID {
		t.Fatalf("reload: %+v %v", rep2, err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms"); n != 3 {
		t.Fatalf("raw rows after reload: %d, want 3", n)
	}

	// A corrected file replaces by natural key instead of doubling.
	corrected := strings.Replace(platformsCSV, "联合实验室,省级", "联合实验室,国家级", 1)
	p2 := writeFile(t, "platforms-v2.csv", corrected)
	rep3, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p2})
	if err != nil || rep3.Status != "loaded" {
		t.Fatalf("corrected load: %+v %v", rep3, err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms_current"); n != 3 {
		t.Fatalf("after correction: %d rows, want 3", n)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms_current WHERE level = 'national'"); n != 1 {
		t.Fatalf("corrected level not visible: %d", n)
	}

	// Withdrawing the correction brings the first version back.
	if _, err := ingest.Withdraw(ctx, d.Conn, rep3.SourceID, "test"); err != nil {
		t.Fatal(err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms_current WHERE level = 'provincial'"); n != 1 {
		t.Fatalf("after withdraw: provincial rows %d, want 1 (first version back)", n)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms_current"); n != 3 {
		t.Fatalf("after withdraw: %d rows, want 3", n)
	}
	list, err := ingest.ListSources(ctx, d.Conn)
	if err != nil || len(list) != 2 {
		t.Fatalf("sources: %d %v, want 2", len(list), err)
	}
}

func TestBadRowsRejectWholeFile(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	bad := platformsCSV + "错误平台,研究院,市级,山东大学,某公司,淄州区,2021-13-01\n"
	p := writeFile(t, "bad.csv", bad)
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p})
	if !errors.Is(err, ingest.ErrRejected) {
		t.Fatalf("err %v, want ErrRejected", err)
	}
	if rep.Rejected != 1 || rep.ErrorCount != 2 {
		t.Fatalf("rejected %d errors %d, want 1 row with 2 errors: %+v", rep.Rejected, rep.ErrorCount, rep.Errors)
	}
	msg := rep.Errors[0].Error()
	for _, want := range []string{"bad.csv:5:", "区县", `"淄州区"`, "淄川区"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if !strings.Contains(rep.Errors[1].Error(), "2021-13-01") {
		t.Errorf("date error %q lacks the value", rep.Errors[1].Error())
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms") + count(t, d.Conn, "SELECT count() FROM sources"); n != 0 {
		t.Fatalf("a rejected file wrote %d rows", n)
	}

	// dry run: report only
	rep, err = ingest.Load(ctx, d.Conn, ingest.Options{Path: p, DryRun: true, SkipBadRows: true})
	if err != nil || rep.Status != "dry_run" || rep.Accepted != 3 {
		t.Fatalf("dry run: %+v %v", rep, err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM sources"); n != 0 {
		t.Fatal("dry run wrote a source")
	}

	// --skip-bad-rows: the good rows load, the bad one goes to a rejects file.
	rep, err = ingest.Load(ctx, d.Conn, ingest.Options{Path: p, SkipBadRows: true})
	if err != nil || rep.Accepted != 3 || rep.Rejected != 1 {
		t.Fatalf("skip bad rows: %+v %v", rep, err)
	}
	b, err := os.ReadFile(rep.RejectsFile)
	if err != nil || !strings.Contains(string(b), "淄州区") || !strings.HasPrefix(string(b), "\ufeff") {
		t.Fatalf("rejects file %s: %v %q", rep.RejectsFile, err, b)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms_current"); n != 3 {
		t.Fatalf("platforms_current %d, want 3", n)
	}
}

func TestUnknownColumnsKeptAndMoneyConverted(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	csv := "年度,拨付单位,接收单位,用途,金额（万元）,是否财政资金,联系人\n" +
		"2020年,淄博市财政局,山东产研院淄博分院,产研院建设,10000,是,张三\n" +
		"2021年,淄博市财政局,山东产业技术研究院淄博分院,产研院建设,1亿元,是,李四\n" +
		"2021Q3,山东大学,某公司,配套,30余万元,否,王五\n"
	p := writeFile(t, "funding.csv", csv)
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p})
	if err != nil {
		t.Fatalf("load: %v %+v", err, rep)
	}
	if rep.Kind != "funding" || len(rep.Extra) != 1 || rep.Extra[0] != "联系人" || rep.Approximate != 1 {
		t.Fatalf("report: kind %s extra %v approx %d", rep.Kind, rep.Extra, rep.Approximate)
	}
	if n := count(t, d.Conn, "SELECT count() FROM funding_current WHERE extra['联系人'] IN ('张三', '李四', '王五')"); n != 3 {
		t.Fatalf("联系人 kept with %d rows, want 3", n)
	}
	var fiscal, total float64
	if err := d.Conn.QueryRow(ctx, "SELECT toFloat64(sumIf(amount, fiscal = 1)), toFloat64(sum(amount)) FROM funding_current").Scan(&fiscal, &total); err != nil {
		t.Fatal(err)
	}
	if fiscal != 2e8 || total != 2e8+3e5 {
		t.Fatalf("fiscal %v total %v, want 2e8 and 2.003e8 yuan", fiscal, total)
	}
	if n := count(t, d.Conn, "SELECT count() FROM funding_current WHERE grain = 'quarter' AND paid_on = '2021-07-01' AND approx = 1"); n != 1 {
		t.Fatalf("2021Q3 30余万元 row: %d", n)
	}
}
