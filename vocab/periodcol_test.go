package vocab

import "testing"

func TestParseColumnPeriod(t *testing.T) {
	tests := []struct {
		in     string
		year   int // the title's year
		period string
		label  string
	}{
		{"一季度", 2023, "2023Q1", "一季度"},
		{"第四季度", 2023, "2023Q4", "四季度"},
		{"3季度", 2023, "2023Q3", "三季度"},
		{"Q2", 2023, "2023Q2", "二季度"},
		{"1月", 2023, "2023-01", "1月"},
		{"十二月", 2023, "2023-12", "12月"},
		{"12月份", 2023, "2023-12", "12月"},
		{"上半年", 2023, "2023H1", "上半年"},
		{"下半年", 2023, "2023H2", "下半年"},
		{"全年", 2023, "2023", "全年"},
		{"2023年一季度", 0, "2023Q1", "2023年一季度"},
		{"2022Q1", 2023, "2022Q1", "2022年一季度"},
		{"2019年", 2023, "2019", "2019年"},
		{"2020", 0, "2020", "2020年"},
		{"2023年3月", 0, "2023-03", "2023年3月"},
		{"2023年上半年", 0, "2023H1", "2023年上半年"},
	}
	for _, tt := range tests {
		c, ok := ParseColumnPeriod(tt.in)
		if !ok {
			t.Errorf("ParseColumnPeriod(%q) not a period", tt.in)
			continue
		}
		p, err := c.Period(tt.year)
		if err != nil || p.String() != tt.period || c.String() != tt.label {
			t.Errorf("ParseColumnPeriod(%q) → %s %q %v; want %s %q", tt.in, p, c.String(), err, tt.period, tt.label)
		}
	}
	for _, in := range []string{"指标", "区县", "合计", "五季度", "13月", "0月", "年度", "2023-03-02", "44197", "备注", "1-3月", "单位", ""} {
		if c, ok := ParseColumnPeriod(in); ok {
			t.Errorf("ParseColumnPeriod(%q) = %+v; want no period", in, c)
		}
	}
	if c, _ := ParseColumnPeriod("一季度"); c.Year != 0 {
		t.Error("一季度 names no year")
	}
	if _, err := (ColumnPeriod{Grain: GrainQuarter, N: 1}).Period(0); err == nil {
		t.Error("a year-less column with no year must not make a period")
	}
}

func TestPeriodCovers(t *testing.T) {
	per := func(s string) Period {
		p, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"2023", "2023Q1", true}, {"2023", "2023-12", true}, {"2023H1", "2023Q2", true}, {"2023H1", "2023-06", true},
		{"2023", "2023", false}, {"2023Q1", "2023", false}, {"2023H1", "2023Q3", false}, {"2022", "2023Q1", false},
	} {
		if got := per(tt.a).Covers(per(tt.b)); got != tt.want {
			t.Errorf("%s covers %s = %v", tt.a, tt.b, got)
		}
	}
}
