package ingest

import (
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest/read"
)

// sliceRows is a rowSource over fixed rows, one chunk.
type sliceRows struct{ rows []read.Row }

func (s *sliceRows) Next() ([]read.Row, error) {
	if s.rows == nil {
		return nil, io.EOF
	}
	r := s.rows
	s.rows = nil
	return r, nil
}

func (s *sliceRows) Release([]read.Row) {}

func row(line int, vals ...string) read.Row {
	r := read.Row{Line: line}
	for i, v := range vals {
		r.Cells = append(r.Cells, read.Cell{Value: v, Col: i + 1, ColName: string(rune('A' + i))})
	}
	return r
}

// unpivoted runs rows through a plan and writes each observation as
// "metric|place|period|value|unit|note@cell".
func unpivoted(t *testing.T, p *widePlan, rows ...read.Row) (out []string, w *wideRows) {
	t.Helper()
	w = &wideRows{src: &sliceRows{rows}, plan: p}
	got, err := w.Next()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range got {
		var vs []string
		for _, c := range r.Cells {
			vs = append(vs, c.Value)
		}
		out = append(out, strings.Join(vs, "|")+"@"+r.Cells[3].ColName+strconv.Itoa(r.Line))
	}
	return out, w
}

func TestWideQuartersWithTotal(t *testing.T) {
	c := readContext(titles("2023年淄博市技术合同成交情况（单位：万元）"), "", "", home(t, ""))
	p, err := planWide([]string{"序号", "区县", "一季度", "二季度", "三季度", "四季度", "全年", "备注"}, "", c, "")
	if err != nil || p == nil {
		t.Fatalf("plan: %v %v", p, err)
	}
	got, w := unpivoted(t, p, row(3, "1", "张店区", "10", "-", "30", "40", "80", "估"), row(4, "2", "淄川区", "1", "2", "3", "", "6", ""))
	want := []string{
		"技术合同成交|张店区|2023Q1|10|万元|估@C3", "技术合同成交|张店区|2023Q3|30|万元|估@E3", "技术合同成交|张店区|2023Q4|40|万元|估@F3",
		"技术合同成交|淄川区|2023Q1|1|万元|@C4", "技术合同成交|淄川区|2023Q2|2|万元|@D4", "技术合同成交|淄川区|2023Q3|3|万元|@E4",
	}
	if !slices.Equal(got, want) {
		t.Errorf("unpivoted\n%q\nwant\n%q", got, want)
	}
	if w.made != 6 || w.blanks != 2 || len(p.totals) != 1 || p.totals[0].header != "全年" || len(p.unknown) != 0 {
		t.Errorf("made %d blanks %d totals %+v unknown %q", w.made, w.blanks, p.totals, p.unknown)
	}
}

func TestWideHeaderYearsAndUnits(t *testing.T) {
	c := readContext(nil, "淄川区", "", home(t, ""))
	p, err := planWide([]string{"指标", "单位", "2022年/上半年", "2022年/下半年", "2023年/一季度（亿元）", "2023年/二季度（亿元）", "2023年/上半年", "合计", "说明"}, "observation", c, "")
	if err != nil || p == nil {
		t.Fatalf("plan: %v %v", p, err)
	}
	got, _ := unpivoted(t, p, row(5, "R&D经费投入", "", "1", "2", "0.5", "0.25", "0.75", "3.75", "x"))
	want := []string{"R&D经费投入|370302|2022H1|1||x@C5", "R&D经费投入|370302|2022H2|2||x@D5",
		"R&D经费投入|370302|2023Q1|0.5|亿元|x@E5", "R&D经费投入|370302|2023Q2|0.25|亿元|x@F5"}
	if !slices.Equal(got, want) {
		t.Errorf("unpivoted\n%q\nwant\n%q", got, want)
	}
	var totals []string
	for _, tc := range p.totals {
		totals = append(totals, tc.header)
	}
	if !slices.Equal(totals, []string{"2023年/上半年", "合计"}) {
		t.Errorf("totals %q: 2023年上半年 covers the quarters beside it", totals)
	}
}

func TestWidePlanRefusesOrPassesOver(t *testing.T) {
	c := readContext(titles("2023年淄川区技术合同成交额"), "", "", home(t, ""))
	for name, h := range map[string][]string{
		"one period column": {"指标", "2023年", "备注"},
		"another kind":      {"平台名称", "一季度", "二季度"},
		"a long table":      {"指标", "地区", "时期", "数值"},
	} {
		kind := ""
		if name == "another kind" {
			kind = "platform"
		}
		if p, err := planWide(h, kind, c, ""); p != nil || err != nil {
			t.Errorf("%s: %+v %v, want no wide plan", name, p, err)
		}
	}
	if _, err := planWide([]string{"指标", "一季度", "第一季度"}, "", c, ""); err == nil || !strings.Contains(err.Error(), "同一时期") {
		t.Errorf("two columns for 2023Q1: %v", err)
	}
	if _, err := planWide([]string{"区县", "一季度", "二季度"}, "", c, "淄川区"); err == nil || !strings.Contains(err.Error(), "--district") {
		t.Errorf("--district with a district column: %v", err)
	}
	p, err := planWide([]string{"指标", "1月", "2月", "填报人"}, "", c, "")
	if err != nil || !slices.Equal(p.unknown, []string{"填报人"}) {
		t.Errorf("unknown columns are reported: %+v %v", p, err)
	}
}
