package ingest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

// wideMetricHeaders name a wide table's row label column besides the
// observation kind's own metric aliases (指标, 指标名称).
var wideMetricHeaders = []string{"项目", "项目名称", "指标项", "指标项目", "内容", "item"}

// labelColumns finds the columns that are not periods: the metric, place,
// unit and note columns; serial numbers (vocab.SerialHeader) are passed
// over, and any other column is kept with each of its row's observations
// as an extra attribute.
func (p *widePlan) labelColumns(headers []string, cols []periodColumn) {
	k := observationKind()
	isPeriod := map[int]bool{}
	for _, pc := range cols {
		isPeriod[pc.at] = true
	}
	for i, h := range headers {
		if isPeriod[i] || strings.TrimSpace(h) == "" {
			continue
		}
		field := labelField(k, h, headers)
		switch at := p.labelAt(field); {
		case at != nil && *at < 0:
			*at = i
		case vocab.SerialHeader(h) != vocab.NotSerial:
		default:
			p.extra = append(p.extra, i)
			p.unknown = append(p.unknown, h)
		}
	}
}

// labelField is the observation field a label header names ("" if none),
// reading the header as MapHeaders does (headerCandidates).
func labelField(k Kind, h string, headers []string) string {
	for _, cand := range headerCandidates(h, headers) {
		if f := k.field(cand.key); f != nil {
			return f.Column
		}
		if slices.Contains(wideMetricHeaders, cand.key) {
			return "metric"
		}
	}
	return ""
}

// labelAt is where the plan keeps a label field's column.
func (p *widePlan) labelAt(field string) *int {
	switch field {
	case "metric":
		return &p.metricAt
	case "place_code":
		return &p.placeAt
	case "unit":
		return &p.unitAt
	case "note":
		return &p.noteAt
	}
	return nil
}

// fromContext takes from the sheet's context what the table has no
// column for: the metric (from the title), the place and the unit.
func (p *widePlan) fromContext(c sheetContext, district string) error {
	if p.metricAt < 0 {
		p.metric = c.subject()
		if p.metric == "" {
			return fmt.Errorf("宽表没有指标列，标题中也没有指标名称：请加一列“指标”，或在标题中写明（如“2023年淄博市技术合同成交额”）(the wide table has no metric column and its title names no metric: add a 指标 column, or name the metric in the title)")
		}
		p.notes = append(p.notes, Note{ZH: "指标取自标题：" + p.metric, EN: "metric taken from the title: " + p.metric})
	}
	if err := p.contextPlace(c, district); err != nil {
		return err
	}
	u, err := c.unit()
	if err != nil {
		return err
	}
	if u.unit != "" && p.needsUnit() {
		p.unit = u.unit
		p.notes = append(p.notes, Note{ZH: fmt.Sprintf("数值的单位取自表上方“%s”：%s", u.written, u.unit),
			EN: fmt.Sprintf("unit of the values taken from %q above the table: %s", u.written, u.unit)})
	}
	return nil
}

// contextPlace sets the place of a table without a place column.
func (p *widePlan) contextPlace(c sheetContext, district string) error {
	if p.placeAt >= 0 {
		if strings.TrimSpace(district) != "" {
			return fmt.Errorf("--district 只用于没有区县列的表；此表有区县列 (--district is for sheets without a district column; this one has one)")
		}
		return nil
	}
	pl, ok, err := c.place(district)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("宽表没有区县列，标题、填报单位、工作表名和文件名中也没有地区：请加一列“区县”，或用 --district 指定 (the wide table has no district column and neither the title, the 填报单位 line, the sheet name nor the file name names a place: add a 区县 column, or choose with --district)")
	}
	p.place = pl.place.Code
	p.notes = append(p.notes, placeNotes(observationKind().placeField(), pl, c)...)
	return nil
}

// needsUnit reports whether some value could lack a unit of its own: a
// unit column (whose cells may be blank) or a period header without one.
func (p *widePlan) needsUnit() bool {
	if p.unitAt >= 0 {
		return true
	}
	for _, pc := range p.periods {
		if pc.unit == "" {
			return true
		}
	}
	return false
}
