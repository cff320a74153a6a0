package ingest_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/ingest"
)

// extraPairs reads the extra attributes of the rows q selects (as
// mapKeys(extra), mapValues(extra)), one "k=v k=v" string per row, in the
// order they are stored.
func extraPairs(t *testing.T, c driver.Conn, q string) []string {
	t.Helper()
	rows, err := c.Query(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var keys, vals []string
		if err := rows.Scan(&keys, &vals); err != nil {
			t.Fatal(err)
		}
		pairs := make([]string, len(keys))
		for i := range keys {
			pairs[i] = keys[i] + "=" + vals[i]
		}
		out = append(out, strings.Join(pairs, " "))
	}
	return out
}

// TestUnknownColumnsKeptAsExtra: a column no field takes is kept with its
// row (readable as extra['负责人']) and the report says so; 序号 is skipped
// as serial numbers; a column with an empty header keeps its values under
// its letter (列H); one with neither header nor values is ignored; a named
// column with no values is reported empty.
func TestUnknownColumnsKeptAsExtra(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	csv := "序号,平台名称,级别,区县,共建时间,负责人,联系电话,,,备用\n" +
		"1,甲研究院,市级,张店区,2021-03-01,张伟,0533-1,旧名甲,,\n" +
		"2,乙实验室,省级,淄川区,2022-05-01,李娜,,,,\n" +
		"3,丙中试基地,市级,博山区,2023-06-01,,13805330003,,,\n"
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: writeFile(t, "platforms.csv", csv)})
	if err != nil {
		t.Fatalf("load: %v %+v", err, rep)
	}
	if rep.Accepted != 3 || !reflect.DeepEqual(rep.Extra, []string{"负责人", "联系电话", "列H"}) ||
		!reflect.DeepEqual(rep.Serial, []string{"序号"}) || !reflect.DeepEqual(rep.Empty, []string{"备用"}) {
		t.Fatalf("report: accepted %d extra %q serial %q empty %q", rep.Accepted, rep.Extra, rep.Serial, rep.Empty)
	}
	if s := rep.Summary(); !strings.Contains(s, `保留为附加属性 kept as extra attributes ["负责人", "联系电话", "列H"]`) || strings.Contains(s, "not loaded") {
		t.Errorf("summary %q", s)
	}
	got := extraPairs(t, d.Conn, "SELECT mapKeys(extra), mapValues(extra) FROM platforms_current ORDER BY source_line")
	want := []string{"负责人=张伟 联系电话=0533-1 列H=旧名甲", "负责人=李娜", "联系电话=13805330003"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("extra attributes %q, want %q", got, want)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms_current WHERE extra['负责人'] = '张伟' AND name = '甲研究院'"); n != 1 {
		t.Fatalf("extra['负责人'] = '张伟': %d rows, want 1", n)
	}
}

// TestSerialNumbers: 编号 counting 1, 2, 3 is row numbers and skipped; 编号
// holding identifiers is data and kept; a 序号 cell that is no row number
// is kept rather than lost.
func TestSerialNumbers(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name, ids     string
		serial, extra []string
		stored        []string
	}{
		{"counting.csv", "编号:1:2:3", []string{"编号"}, nil, []string{"", "", ""}},
		{"identifiers.csv", "编号:PT-001:PT-002:PT-003", nil, []string{"编号"}, []string{"编号=PT-001", "编号=PT-002", "编号=PT-003"}},
		{"registry.csv", "编号:2023017:2023018:2023019", nil, []string{"编号"}, []string{"编号=2023017", "编号=2023018", "编号=2023019"}},
		{"sub-numbered.csv", "序号:1:A-2:3", []string{"序号"}, []string{"序号"}, []string{"", "序号=A-2", ""}},
		{"english.csv", "No.:1:2:3", []string{"No."}, nil, []string{"", "", ""}},
	} {
		d := h.DB(t)
		ids := strings.Split(c.ids, ":")
		csv := ids[0] + ",平台名称,共建时间\n"
		for i, id := range ids[1:] {
			csv += fmt.Sprintf("%s,平台%d,2021-0%d-01\n", id, i+1, i+1)
		}
		rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: writeFile(t, c.name, csv)})
		if err != nil || rep.Accepted != 3 {
			t.Fatalf("%s: %v %+v", c.name, err, rep)
		}
		if !reflect.DeepEqual(rep.Serial, c.serial) || !reflect.DeepEqual(rep.Extra, c.extra) {
			t.Errorf("%s: serial %q extra %q, want %q %q", c.name, rep.Serial, rep.Extra, c.serial, c.extra)
		}
		if got := extraPairs(t, d.Conn, "SELECT mapKeys(extra), mapValues(extra) FROM platforms_current ORDER BY source_line"); !reflect.DeepEqual(got, c.stored) {
			t.Errorf("%s: stored %q, want %q", c.name, got, c.stored)
		}
	}
}

// TestCellRightOfHeaderKept: a row further down a streamed CSV that is
// wider than the rows the header was read from keeps the extra cell under
// its column letter.
func TestCellRightOfHeaderKept(t *testing.T) {
	d := h.DB(t)
	var b strings.Builder
	b.WriteString("平台名称,共建时间\n")
	for i := 1; i <= 120; i++ {
		fmt.Fprintf(&b, "平台%d,2021-01-01", i)
		if i == 100 {
			b.WriteString(",后补说明")
		}
		b.WriteString("\n")
	}
	rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: writeFile(t, "wide.csv", b.String())})
	if err != nil || rep.Accepted != 120 || !reflect.DeepEqual(rep.Extra, []string{"列C"}) {
		t.Fatalf("load: %v %+v", err, rep)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms_current WHERE name = '平台100' AND extra['列C'] = '后补说明'"); n != 1 {
		t.Fatalf("the cell right of the header: %d rows, want 1", n)
	}
}
