package vocab

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string // want is Period.String()
		grain    Grain
	}{
		{"2021-03-02", "2021-03-02", GrainDay},
		{"2021/3/2", "2021-03-02", GrainDay},
		{"2021.3.2", "2021-03-02", GrainDay},
		{"20210302", "2021-03-02", GrainDay},
		{"2021年3月2日", "2021-03-02", GrainDay},
		{"2021年03月02日", "2021-03-02", GrainDay},
		{"2021年3月2号", "2021-03-02", GrainDay},
		{"2021 年 3 月 2 日", "2021-03-02", GrainDay},
		{"2021-03-02 10:30", "2021-03-02", GrainDay},
		{"2021-03-02 10:30:00", "2021-03-02", GrainDay},
		{"2021-03-02T10:30:00Z", "2021-03-02", GrainDay},
		{"2021-03-02T10:30:00.123+08:00", "2021-03-02", GrainDay},
		{"2021/3/2 0:00", "2021-03-02", GrainDay},
		{"2021年3月2日 10:30", "2021-03-02", GrainDay},
		{"２０２１－０３－０２　１０：３０", "2021-03-02", GrainDay},
		{"2020-02-29", "2020-02-29", GrainDay},
		{"二〇二一年三月二日", "2021-03-02", GrainDay},
		{"二零二一年十二月三十一日", "2021-12-31", GrainDay},
		{"２０２１年３月２日", "2021-03-02", GrainDay},
		{"２０２１－０３－０２", "2021-03-02", GrainDay},
		{"2021年3月", "2021-03", GrainMonth},
		{"2021年03月份", "2021-03", GrainMonth},
		{"2021-03", "2021-03", GrainMonth},
		{"2021/03", "2021-03", GrainMonth},
		{"2021.3", "2021-03", GrainMonth},
		{"202103", "2021-03", GrainMonth},
		{"二〇二一年三月", "2021-03", GrainMonth},
		{"2021年元月", "2021-01", GrainMonth},
		{"2019年9月", "2019-09", GrainMonth},
		{"2021", "2021", GrainYear},
		{"2021年", "2021", GrainYear},
		{"2021年度", "2021", GrainYear},
		{"二〇二一年", "2021", GrainYear},
		{"1949", "1949", GrainYear},
		{"2100", "2100", GrainYear},
		{"2021Q1", "2021Q1", GrainQuarter},
		{"2021 Q1", "2021Q1", GrainQuarter},
		{"2021-Q2", "2021Q2", GrainQuarter},
		{"2021q3", "2021Q3", GrainQuarter},
		{"Q4 2021", "2021Q4", GrainQuarter},
		{"2021年Q1", "2021Q1", GrainQuarter},
		{"2021年第一季度", "2021Q1", GrainQuarter},
		{"2021年一季度", "2021Q1", GrainQuarter},
		{"2021年1季度", "2021Q1", GrainQuarter},
		{"2021年第4季度", "2021Q4", GrainQuarter},
		{"2021年上半年", "2021H1", GrainHalf},
		{"2021年下半年", "2021H2", GrainHalf},
		{"2021H1", "2021H1", GrainHalf},
		{"2021-H2", "2021H2", GrainHalf},
		{"44197", "2021-01-01", GrainDay},
		{"44197.75", "2021-01-01", GrainDay},
		{"44257", "2021-03-02", GrainDay},
	}
	for _, tt := range tests {
		p, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if p.String() != tt.want || p.Grain != tt.grain {
			t.Errorf("ParseDate(%q) = %s (%s), want %s (%s)", tt.in, p, p.Grain, tt.want, tt.grain)
		}
		if p.Start.Location() != time.UTC || p.Start.Hour() != 0 {
			t.Errorf("ParseDate(%q).Start = %v, want UTC midnight", tt.in, p.Start)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct{ in, reason string }{
		{"2021-13-01", "month 13 out of range"},
		{"2021年13月", "month 13 out of range"},
		{"2021-00", "month 0 out of range"},
		{"2021-02-30", "day 30 out of range for 2021-02"},
		{"2021-02-29", "day 29 out of range"},
		{"2021-04-31", "day 31"},
		{"2021-03-00", "day 0"},
		{"1900", "year 1900 outside 1949..2100"},
		{"2101-01-01", "year 2101"},
		{"2021Q5", "quarter 5"},
		{"2021Q0", "quarter 0"},
		{"2021H3", "half 3"},
		{"2021-03 10:00", "time of day"},
		{"2021-03-02 25:00", "bad time"},
		{"12345", "Excel serial outside"},
		{"99999", "Excel serial outside"},
		{"60.5", "bad Excel serial"},
		{"1.5", "year"},
		{"", ""},
		{"abc", ""},
		{"21-03-02", ""},
		{"3/2/2021", ""},
		{"2021-3月-2", ""},
		{"2021年3月2日至5日", ""},
		{"二十十年", "bad Chinese numeral"},
		{strings.Repeat("2", 1000), "longer"},
	}
	for _, tt := range tests {
		_, err := ParseDate(tt.in)
		if err == nil {
			t.Errorf("ParseDate(%q): no error", tt.in)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "vocab: ") || !strings.Contains(msg, "is not a date") {
			t.Errorf("ParseDate(%q) error %q lacks prefix or value", tt.in, msg)
		}
		if !strings.Contains(msg, tt.reason) {
			t.Errorf("ParseDate(%q) error %q, want %q", tt.in, msg, tt.reason)
		}
	}
}

func TestPeriodEnd(t *testing.T) {
	tests := []struct{ in, end string }{
		{"2021-03-02", "2021-03-02"},
		{"2021-02", "2021-02-28"},
		{"2020-02", "2020-02-29"},
		{"2021-12", "2021-12-31"},
		{"2021Q1", "2021-03-31"},
		{"2021Q4", "2021-12-31"},
		{"2021H1", "2021-06-30"},
		{"2021H2", "2021-12-31"},
		{"2021", "2021-12-31"},
	}
	for _, tt := range tests {
		p, err := ParseDate(tt.in)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", tt.in, err)
		}
		if got := p.End().Format(time.DateOnly); got != tt.end {
			t.Errorf("%s.End() = %s, want %s", p, got, tt.end)
		}
		if !p.Contains(p.Start) || !p.Contains(p.End()) || p.Contains(p.End().AddDate(0, 0, 1)) {
			t.Errorf("%s.Contains is wrong at its edges", p)
		}
	}
	if (Period{}).String() != "" {
		t.Errorf("zero Period renders %q", Period{}.String())
	}
}

// Every period renders to a string that ParseDate reads back to it.
func TestPeriodStringRoundTrip(t *testing.T) {
	for _, s := range []string{"2021-03-02", "2021-03", "2021Q3", "2021H2", "2021", "1949-01-01", "2100-12-31"} {
		p, err := ParseDate(s)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", s, err)
		}
		q, err := ParseDate(p.String())
		if err != nil || q != p {
			t.Errorf("round trip of %q: %v, %v", s, q, err)
		}
	}
}

func TestExcelSerial(t *testing.T) {
	tests := []struct {
		f    float64
		want string
	}{
		{1, "1900-01-01"},
		{1.99, "1900-01-01"},
		{31, "1900-01-31"},
		{59, "1900-02-28"},
		{61, "1900-03-01"},
		{367, "1901-01-01"},
		{25569, "1970-01-01"},
		{36526, "2000-01-01"},
		{43739, "2019-10-01"},
		{44197, "2021-01-01"},
		{44257.5, "2021-03-02"},
		{2958465, "9999-12-31"},
	}
	for _, tt := range tests {
		got, err := ExcelSerial(tt.f)
		if err != nil {
			t.Errorf("ExcelSerial(%v): %v", tt.f, err)
			continue
		}
		if got.Format(time.DateOnly) != tt.want || got.Location() != time.UTC {
			t.Errorf("ExcelSerial(%v) = %v, want %s", tt.f, got, tt.want)
		}
	}
	for _, bad := range []float64{0, 0.5, -1, 60, 60.5, 2958466, math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := ExcelSerial(bad); err == nil || !strings.HasPrefix(err.Error(), "vocab: ") {
			t.Errorf("ExcelSerial(%v) error = %v", bad, err)
		}
	}
}
