package read

import (
	"strings"
	"testing"
)

// headersOf reads CSV text and returns its headers and header lines.
func headersOf(t *testing.T, s string, o Options) *Table {
	t.Helper()
	tb, err := ReadCSV(strings.NewReader(s), "h.csv", o)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestHeaderDetection(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		lines     []int
		headers   []string
	}{
		{"plain", "名称,金额\nA,1\n", []int{1}, []string{"名称", "金额"}},
		{"one column keeps its header", "名称\n张三\n李四\n", []int{1}, []string{"名称"}},
		{"leading blanks and title", "\n,,\n统计表,,\n名称,金额\nA,1\n", []int{4}, []string{"名称", "金额"}},
		{"label rows", "2021年统计表\n填报单位：张店区,单位：万元\n名称,金额\nA,1\n", []int{3}, []string{"名称", "金额"}},
		{"text-only data is not a header", "姓名,性别,住址\n张三,男,张店\n", []int{1}, []string{"姓名", "性别", "住址"}},
		{"three rows", "项目,资金,,\n,财政,,自筹\n,中央,省级,\n甲,1,2,3\n", []int{1, 2, 3},
			[]string{"项目", "资金/财政/中央", "资金/财政/省级", "资金/自筹"}},
		{"at most three header rows", "项目,资金,,,,\n,财政,,自筹,,\n,中央,省级,中央,省级,\n,a,b,c,d,e\n", []int{1, 2, 3},
			[]string{"项目", "资金/财政/中央", "资金/财政/省级", "资金/自筹/中央", "资金/自筹/省级", ""}},
		{"numeric sub row is data", "名称,资金,\nA,100,200\n", []int{1}, []string{"名称", "资金", ""}},
		{"spaces and line breaks", "\"项  目\",\"金额\n（万元）\",Total  Amount\nA,1,2\n", []int{1},
			[]string{"项目", "金额（万元）", "Total Amount"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := headersOf(t, c.csv, Options{})
			if !equalInts(tb.HeaderLines, c.lines) || !equalStrings(tb.Headers, c.headers) {
				t.Errorf("lines %v headers %q, want %v %q", tb.HeaderLines, tb.Headers, c.lines, c.headers)
			}
		})
	}
}

func TestHeaderRowsExact(t *testing.T) {
	tb := headersOf(t, "标题\n年份,地区\n2020,2021\n张店,1\n", Options{HeaderRows: 2})
	if !equalInts(tb.HeaderLines, []int{2, 3}) || !equalStrings(tb.Headers, []string{"年份/2020", "地区/2021"}) {
		t.Errorf("lines %v headers %q", tb.HeaderLines, tb.Headers)
	}
}

func TestDataRowClassification(t *testing.T) {
	csv := "名称,金额\n注册中心,10\n审核中心,20\n联合计算中心,30\n小计,60\n,\n甲,1\n合 计,61\n数据截至2021年底,\n说明：单位万元,\n"
	tb := headersOf(t, csv, Options{})
	var names []string
	for _, r := range tb.Rows {
		names = append(names, r.Cells[0].Value)
	}
	if !equalStrings(names, []string{"注册中心", "审核中心", "联合计算中心", "甲"}) {
		t.Errorf("data rows %q", names)
	}
	var reasons []string
	for _, s := range tb.Skipped {
		reasons = append(reasons, s.Reason)
	}
	if !equalStrings(reasons, []string{"total", "blank", "total", "note", "note"}) {
		t.Errorf("skipped %+v", tb.Skipped)
	}
}

// equalInts compares two int slices.
func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
