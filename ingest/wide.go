package ingest

import (
	"fmt"
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

// A wide table has its periods across the columns (一季度 二季度 三季度
// 四季度, 1月…12月, 2019年…2023年, 2022Q1…, 上半年 下半年) and a metric,
// a place or both down the rows. It is unpivoted into observations: one
// per row and period column, the metric from the row's label column (指标,
// 项目) or the title, the place from its 区县 column or the sheet's
// context, the unit from a 单位 column, the header or the context.

// widePlan is how one wide table becomes observations.
type widePlan struct {
	metricAt, placeAt, unitAt, noteAt int    // label columns, -1 when absent
	metric, place                     string // from the context when there is no such column
	unit                              string // the context's unit, for rows and columns that name none
	periods                           []periodColumn
	totals                            []periodColumn // left out: 合计, and 全年 beside its quarters
	unknown                           []string       // headers of the columns kept as extra attributes
	extra                             []int          // their positions, in the order of unknown
	notes                             []Note
}

// periodColumn is one column that names a period (or a total of them).
type periodColumn struct {
	at     int
	header string
	col    vocab.ColumnPeriod
	period vocab.Period
	unit   string // from the header: 一季度（万元）
	total  bool   // 合计, 全年合计
}

// minWidePeriods is how many period columns make a table wide: one could
// be any table's 2023年 column.
const minWidePeriods = 2

// findPeriodColumns finds the columns whose headers name periods or totals.
// A part above (a merged 2023年 over 一季度…四季度) gives its year.
func findPeriodColumns(headers []string) (cols []periodColumn, periods int) {
	for i, h := range headers {
		parts := strings.Split(h, "/")
		name, unit := vocab.UnitFromHeader(parts[len(parts)-1])
		pc := periodColumn{at: i, header: h, unit: unit, total: vocab.IsTotalLabel(name)}
		cp, ok := vocab.ParseColumnPeriod(name)
		if !ok && !pc.total {
			continue
		}
		pc.col = cp
		for _, up := range parts[:len(parts)-1] {
			upName, upUnit := vocab.UnitFromHeader(up)
			if y, ok := vocab.ParseColumnPeriod(upName); ok && y.Grain == vocab.GrainYear && y.Year != 0 && pc.col.Year == 0 {
				pc.col.Year = y.Year
			}
			if pc.unit == "" {
				pc.unit = upUnit
			}
		}
		if !pc.total {
			periods++
		}
		cols = append(cols, pc)
	}
	return cols, periods
}

// planWide reads a table as wide when kind allows observations and at
// least two headers name periods; nil when it is not wide. The errors
// say what the table lacks (a year, a metric, a place) and how to give it.
func planWide(headers []string, kind string, c sheetContext, district string) (*widePlan, error) {
	if kind != "" {
		if k, ok := KindByCode(kind); !ok || k.Code != "observation" {
			return nil, nil
		}
	}
	cols, n := findPeriodColumns(headers)
	if n < minWidePeriods {
		return nil, nil
	}
	p := &widePlan{metricAt: -1, placeAt: -1, unitAt: -1, noteAt: -1}
	if err := p.datePeriods(cols, c); err != nil {
		return nil, err
	}
	p.labelColumns(headers, cols)
	if err := p.fromContext(c, district); err != nil {
		return nil, err
	}
	return p, nil
}

// datePeriods gives every period column its period, the title's year for
// those that name none, and sets totals apart: 合计 columns, and columns
// whose period covers others' (全年 beside 一季度…四季度).
func (p *widePlan) datePeriods(cols []periodColumn, c sheetContext) error {
	var yearless []string
	for _, pc := range cols {
		if !pc.total && pc.col.Year == 0 {
			yearless = append(yearless, pc.header)
		}
	}
	year := 0
	if len(yearless) > 0 {
		y, err := c.year()
		if err != nil {
			return err
		}
		if y == 0 {
			return fmt.Errorf("宽表的时期列（%s）没有年份：请在标题（如“2023年…”）或表头（如“2023年一季度”）写明年份 (the period columns %s name no year: put the year in the title, e.g. 2023年…, or in the headers, e.g. 2023年一季度)",
				strings.Join(yearless, "、"), strings.Join(yearless, ", "))
		}
		year = y
		p.notes = append(p.notes, Note{ZH: fmt.Sprintf("时期列的年份取自标题：%d年", y), EN: fmt.Sprintf("year of the period columns taken from the title: %d", y)})
	}
	seen := map[string]string{}
	for i := range cols {
		pc := &cols[i]
		if pc.total {
			continue
		}
		per, err := pc.col.Period(year)
		if err != nil {
			return fmt.Errorf("时期列“%s”：%v (period column %q: %v)", pc.header, err, pc.header, err)
		}
		pc.period = per
		if prev, dup := seen[per.String()]; dup {
			return fmt.Errorf("“%s”与“%s”两列是同一时期：请删去一列 (columns %q and %q name the same period: remove one)", prev, pc.header, prev, pc.header)
		}
		seen[per.String()] = pc.header
	}
	for _, pc := range cols {
		if pc.total || coversAny(pc, cols) {
			pc.total = true
			p.totals = append(p.totals, pc)
		} else {
			p.periods = append(p.periods, pc)
		}
	}
	return nil
}

// coversAny reports whether a column's period spans another column's.
func coversAny(pc periodColumn, cols []periodColumn) bool {
	for _, o := range cols {
		if !o.total && o.at != pc.at && pc.period.Covers(o.period) {
			return true
		}
	}
	return false
}
