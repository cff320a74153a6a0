package vocab

import (
	"regexp"
	"strconv"
	"strings"
)

// ColumnPeriod is a period named by a column header of a wide table, where
// periods run across the columns: complete (2023年一季度, 2022Q1, 2019年,
// 2023年3月) or waiting for the year the title gives (一季度, 3月, 上半年, 全年).
type ColumnPeriod struct {
	Grain Grain
	Year  int // 0 when the header names no year
	N     int // quarter 1–4, month 1–12 or half 1–2; 0 for a year
}

// yearlessPeriods are the headers that name a period without its year,
// matched after Chinese numerals are turned into digits.
var yearlessPeriods = []struct {
	re    *regexp.Regexp
	grain Grain
	max   int
}{
	{regexp.MustCompile(`^第?(\d)季度?$`), GrainQuarter, 4},
	{regexp.MustCompile(`^[Qq](\d)$`), GrainQuarter, 4},
	{regexp.MustCompile(`^(\d{1,2})月份?$`), GrainMonth, 12},
	{regexp.MustCompile(`^[Hh](\d)$`), GrainHalf, 2},
	{regexp.MustCompile(`^([上下])半年度?$`), GrainHalf, 2},
	{regexp.MustCompile(`^(全)年$`), GrainYear, 0},
}

// ParseColumnPeriod reads a column header that names a period: everything
// ParseDate reads except single days (2023年一季度, 2022Q1, 2019年, 2019,
// 2023年3月, 2023年上半年), and the same without a year: 一季度, 第一季度,
// 1季度, Q1, 1月 … 12月, 十二月, 上半年, 下半年, H1, and 全年 (the whole year).
// Strip a unit first (UnitFromHeader). ok is false for anything else.
func ParseColumnPeriod(h string) (ColumnPeriod, bool) {
	if tooLong(h, 64) {
		return ColumnPeriod{}, false
	}
	if p, err := ParseDate(h); err == nil && p.Grain != GrainDay {
		return columnOf(p), true
	}
	c, err := zhDateDigits(h, compact(h))
	if err != nil {
		return ColumnPeriod{}, false
	}
	for _, y := range yearlessPeriods {
		g := y.re.FindStringSubmatch(c)
		if g == nil {
			continue
		}
		n := map[string]int{"上": 1, "下": 2, "全": 0}[g[1]]
		if n == 0 && g[1] != "全" {
			n = atoi(g[1])
		}
		if y.max > 0 && (n < 1 || n > y.max) {
			return ColumnPeriod{}, false
		}
		return ColumnPeriod{Grain: y.grain, N: n}, true
	}
	return ColumnPeriod{}, false
}

// columnOf turns a parsed period into its column form.
func columnOf(p Period) ColumnPeriod {
	m := int(p.Start.Month())
	c := ColumnPeriod{Grain: p.Grain, Year: p.Start.Year()}
	switch p.Grain {
	case GrainQuarter:
		c.N = (m-1)/3 + 1
	case GrainHalf:
		c.N = (m-1)/6 + 1
	case GrainMonth:
		c.N = m
	}
	return c
}

// Period is the calendar period of the column: in its own year, or in
// year when the header named none.
func (c ColumnPeriod) Period(year int) (Period, error) {
	if c.Year != 0 {
		year = c.Year
	}
	label := c.String()
	switch c.Grain {
	case GrainQuarter:
		return newPeriod(label, year, 3*c.N-2, 1, c.Grain)
	case GrainHalf:
		return newPeriod(label, year, 6*c.N-5, 1, c.Grain)
	case GrainMonth:
		return newPeriod(label, year, c.N, 1, c.Grain)
	}
	return newPeriod(label, year, 1, 1, GrainYear)
}

// String writes the column's period in Chinese, as a reader would: 一季度,
// 2023年一季度, 3月, 上半年, 全年, 2019年.
func (c ColumnPeriod) String() string {
	var b strings.Builder
	if c.Year != 0 {
		b.WriteString(strconv.Itoa(c.Year) + "年")
	}
	switch c.Grain {
	case GrainQuarter:
		b.WriteString(quarterZH[c.N-1] + "季度")
	case GrainHalf:
		b.WriteString([]string{"上", "下"}[c.N-1] + "半年")
	case GrainMonth:
		b.WriteString(strconv.Itoa(c.N) + "月")
	default:
		if c.Year == 0 {
			b.WriteString("全年")
		}
	}
	return b.String()
}

// Covers reports whether p spans all of o and more: a year covers its
// quarters and months, a half its quarters. A wide table's column that
// covers others is their total (全年 beside 一季度…四季度), not a period of
// its own, or the figures would count twice.
func (p Period) Covers(o Period) bool {
	inside := !o.Start.Before(p.Start) && !o.End().After(p.End())
	return inside && (p.Start.Before(o.Start) || p.End().After(o.End()))
}
