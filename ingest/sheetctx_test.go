package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest/read"
	"github.com/zibo-kj/corridor/vocab"
)

func titles(lines ...string) []read.Skipped {
	var out []read.Skipped
	for i, l := range lines {
		out = append(out, read.Skipped{Line: i + 1, Reason: read.ReasonTitle, Text: l})
	}
	return append(out, read.Skipped{Line: 99, Reason: read.ReasonNote, Text: "填报单位：张店区科技局"}) // below the table: not context
}

func home(t *testing.T, s string) vocab.Place {
	t.Helper()
	p, err := vocab.HomeCity(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadContext(t *testing.T) {
	c := readContext(titles("附件2：2023年淄川区科技合作平台统计表", "填报单位：淄川区科技局 填报日期：2024年1月5日 单位： 万元"), "平台", "汇总.xlsx", home(t, ""))
	if c.title != "2023年淄川区科技合作平台统计表" {
		t.Errorf("title %q", c.title)
	}
	if !slices.Equal(c.years, []int{2023}) {
		t.Errorf("years %v: the 填报日期 is no year of the data", c.years)
	}
	if len(c.units) != 1 || c.units[0].unit != "万元" || c.units[0].written != "单位：万元" {
		t.Errorf("units %+v", c.units)
	}
	if len(c.places) != 2 || c.places[0].src != fromTitle || c.places[1].src != fromFiller || c.places[1].place.Code != "370302" {
		t.Errorf("places %+v", c.places)
	}
	c = readContext(titles("2023年淄博市技术合同成交情况（金额单位：亿元）", "单位:10k yuan"), "张店区", "高新区-合同.xlsx", home(t, ""))
	if len(c.units) != 2 || c.units[0].unit != "亿元" || c.units[1].unit != "万元" {
		t.Errorf("units %+v", c.units)
	}
	var got []string
	for _, p := range c.places {
		got = append(got, p.src.en()+"="+p.place.Name)
	}
	if want := []string{"the title=淄博市", "the sheet name=张店区", "the file name=淄博高新区"}; !slices.Equal(got, want) {
		t.Errorf("places %q, want %q", got, want)
	}
	if !c.places[2].viaHome {
		t.Error("高新区 in the file name is read through the home city")
	}
}

func TestContextPlace(t *testing.T) {
	zibo := home(t, "")
	pick := func(sheet, file, override string, lines ...string) (string, ctxSource, error) {
		p, ok, err := readContext(titles(lines...), sheet, file, zibo).place(override)
		if !ok {
			return "", 0, err
		}
		return p.place.Name, p.src, err
	}
	tests := []struct {
		name, sheet, file, override string
		lines                       []string
		want                        string
		src                         ctxSource
		err                         string
	}{
		{name: "title first", sheet: "淄川区", file: "淄川区.xlsx", lines: []string{"2023年淄川区平台统计表"}, want: "淄川区", src: fromTitle},
		{name: "填报单位", lines: []string{"2023年平台统计表", "填报单位：周村区科技局"}, want: "周村区", src: fromFiller},
		{name: "sheet name", sheet: "博山区", file: "平台.xlsx", want: "博山区", src: fromSheet},
		{name: "file name", sheet: "Sheet1", file: "张店区-平台.xlsx", want: "张店区", src: fromFile},
		{name: "a district beats its city", file: "临淄区.xlsx", lines: []string{"2023年淄博市平台统计表"}, want: "临淄区", src: fromFile},
		{name: "one city", lines: []string{"2023年淄博市平台统计表"}, want: "淄博市", src: fromTitle},
		{name: "two cities, no place", lines: []string{"2023年济南市淄博市合作协议"}},
		{name: "a university is no place", lines: []string{"济南大学合作平台"}},
		{name: "conflict", file: "张店区-平台.xlsx", lines: []string{"2023年淄川区科技合作平台统计表"}, err: "标题写淄川区、文件名写张店区"},
		{name: "override", file: "张店区-平台.xlsx", override: "370302", lines: []string{"2023年淄川区科技合作平台统计表"}, want: "淄川区", src: fromFlag},
		{name: "override by name", override: "桓台", want: "桓台县", src: fromFlag},
		{name: "bad override", override: "淄州区", err: "是否为淄川区"},
	}
	for _, tt := range tests {
		got, src, err := pick(tt.sheet, tt.file, tt.override, tt.lines...)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: %v, want error %q", tt.name, err, tt.err)
		case tt.err == "" && (err != nil || got != tt.want || src != tt.src):
			t.Errorf("%s: %q from %s, %v; want %q from %s", tt.name, got, src.en(), err, tt.want, tt.src.en())
		}
	}
	qingdao := home(t, "青岛")
	_, _, err := readContext(titles("2023年高新区平台统计表"), "", "", qingdao).place("")
	if err == nil || !strings.Contains(err.Error(), "济南高新区或淄博高新区") {
		t.Errorf("bare 高新区, home without a zone: %v", err)
	}
}

func TestContextUnitAndYear(t *testing.T) {
	c := readContext(titles("2023年淄博市技术合同成交情况（单位：万元）", "单位：元"), "", "", home(t, ""))
	if _, err := c.unit(); err == nil || !strings.Contains(err.Error(), "“（单位：万元）”与“单位：元”") {
		t.Errorf("unit conflict: %v", err)
	}
	c = readContext(titles("2023年度淄博市技术合同成交情况（单位：万元）", "单位：万元"), "", "", home(t, ""))
	if u, err := c.unit(); err != nil || u.unit != "万元" {
		t.Errorf("the same unit twice: %+v %v", u, err)
	}
	if y, err := c.year(); y != 2023 || err != nil {
		t.Errorf("year %d %v", y, err)
	}
	c = readContext(titles("2019-2023年淄博市R&D经费投入"), "", "", home(t, ""))
	if _, err := c.year(); err == nil || !strings.Contains(err.Error(), "2019年、2023年") {
		t.Errorf("two years: %v", err)
	}
}

func TestContextSubject(t *testing.T) {
	for title, want := range map[string]string{
		"2023年淄博市技术合同成交情况（单位：万元）": "技术合同成交",
		"2023年各区县R&D经费投入统计表":      "R&D经费投入",
		"淄川区2023年度高新技术企业数分季度统计表":  "高新技术企业数",
		"附件1：2023年淄博市统计表":         "",
		"2023年张店区":                "",
	} {
		if got := readContext(titles(title), "", "", home(t, "")).subject(); got != want {
			t.Errorf("subject(%q) = %q, want %q", title, got, want)
		}
	}
}
