package vocab

import (
	"errors"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		q    Qualifier
	}{
		// Arabic figures.
		{"30", 30, Exact},
		{"0", 0, Exact},
		{"1,234.5", 1234.5, Exact},
		{"1,234,567", 1234567, Exact},
		{"-5", -5, Exact},
		{"+5", 5, Exact},
		{"−5", -5, Exact},
		{"３０", 30, Exact},
		{"１，２３４", 1234, Exact},
		{" 30 ", 30, Exact},
		{"0.5", 0.5, Exact},
		{".5", 0.5, Exact},
		{"007", 7, Exact},
		{"1.5E+08", 1.5e8, Exact},
		{"2e3", 2000, Exact},
		{"(1,234)", -1234, Exact},
		{"（12.5）", -12.5, Exact},
		{"\u200b30", 30, Exact},
		// Chinese numerals.
		{"三十", 30, Exact},
		{"一百二十", 120, Exact},
		{"两", 2, Exact},
		{"十", 10, Exact},
		{"十二", 12, Exact},
		{"二十一", 21, Exact},
		{"一百零五", 105, Exact},
		{"一千零一十", 1010, Exact},
		{"一千二", 1200, Exact},
		{"一万五", 15000, Exact},
		{"三千五万", 35000000, Exact},
		{"一亿五", 150000000, Exact},
		{"一亿五万", 100050000, Exact},
		{"一万零五百", 10500, Exact},
		{"十万", 100000, Exact},
		{"百万", 1000000, Exact},
		{"一万亿", 1e12, Exact},
		{"一万亿两千亿", 1.2e12, Exact},
		{"壹佰贰拾", 120, Exact},
		{"零", 0, Exact},
		{"一点五", 1.5, Exact},
		{"一点五万", 15000, Exact},
		{"负五", -5, Exact},
		// Digit runs.
		{"二〇二一", 2021, Exact},
		{"二零二一", 2021, Exact},
		{"一九九九", 1999, Exact},
		// Mixed forms.
		{"1.5万", 15000, Exact},
		{"3千", 3000, Exact},
		{"3百万", 3000000, Exact},
		{"1亿2000万", 120000000, Exact},
		{"1万2000", 12000, Exact},
		{"2亿", 2e8, Exact},
		{"１.５万", 15000, Exact},
		// Qualifiers.
		{"30余", 30, AtLeast},
		{"70多", 70, AtLeast},
		{"百余", 100, AtLeast},
		{"十几", 10, AtLeast},
		{"二十几", 20, AtLeast},
		{"30余万", 300000, AtLeast},
		{"30万余", 300000, AtLeast},
		{"三十多万", 300000, AtLeast},
		{"超30", 30, AtLeast},
		{"超过30", 30, AtLeast},
		{"30以上", 30, AtLeast},
		{"逾30", 30, AtLeast},
		{"逾千", 1000, AtLeast},
		{"不少于30", 30, AtLeast},
		{"至少30", 30, AtLeast},
		{"30+", 30, AtLeast},
		{"≥30", 30, AtLeast},
		{"约30", 30, Approx},
		{"近30", 30, AtMost},
		{"近百", 100, AtMost},
		{"近万", 10000, AtMost},
		{"30左右", 30, Approx},
		{"大约30", 30, Approx},
		{"将近30", 30, AtMost},
		{"十来", 10, Approx},
		{"~30", 30, Approx},
		{"不到30", 30, AtMost},
		{"30以下", 30, AtMost},
		{"不超过30", 30, AtMost},
		{"不足30", 30, AtMost},
		{"30以内", 30, AtMost},
		{"约30多", 30, AtLeast},
		{"超30余", 30, AtLeast},
		// Units that ParseNumber drops.
		{"30%", 30, Exact},
		{"30％", 30, Exact},
		{"百分之三十", 30, Exact},
		{"30余个", 30, AtLeast},
		{"30多个", 30, AtLeast},
		{"70多项", 70, AtLeast},
		{"3家", 3, Exact},
		{"30家以上", 30, AtLeast},
		{"5人次", 5, Exact},
		{"30 余 个", 30, AtLeast},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.in, err)
			continue
		}
		if got.Value != tt.want || got.Qualifier != tt.q {
			t.Errorf("ParseNumber(%q) = %v %q, want %v %q", tt.in, got.Value, got.Qualifier, tt.want, tt.q)
		}
	}
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct{ in, reason string }{
		{"", "empty"},
		{"   ", "empty"},
		{"abc", ""},
		{"余30", ""},
		{"多项", ""},
		{"1,5", "grouped"},
		{"12,34", "grouped"},
		{"1,2345", "grouped"},
		{"1,234,56", "grouped"},
		{"1e999", "exponent"},
		{"三五", "run together"},
		{"十百", "order"},
		{"三百十", "lacks"},
		{"1千3000", "order"},
		{"1万20000", "order"},
		{"1亿2000万3亿", "order"},
		{"30余5", "余/多"},
		{"不到30以上", "conflicting"},
		{"--5", "sign"},
		{"30万元", "unexpected unit"},
		{"30kg", "unexpected unit"},
		{"5.", "unexpected unit"},
		{"30 40", "space between digits"},
		{"百分之三十%", "百分之"},
		{strings.Repeat("9", 300), "longer"},
		{strings.Repeat("万", 300), "longer"},
		{strings.Repeat("万", 250), "out of range"},
	}
	for _, tt := range tests {
		_, err := ParseNumber(tt.in)
		if err == nil {
			t.Errorf("ParseNumber(%q): no error", tt.in)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "vocab: ") || !strings.Contains(msg, "is not a number") {
			t.Errorf("ParseNumber(%q) error %q lacks the prefix or the value", tt.in, msg)
		}
		if !strings.Contains(msg, tt.reason) {
			t.Errorf("ParseNumber(%q) error %q, want it to mention %q", tt.in, msg, tt.reason)
		}
		var ve *ValueError
		if !errors.As(err, &ve) {
			t.Errorf("ParseNumber(%q) error is %T, want *ValueError", tt.in, err)
		}
	}
}

func TestParseNumberQuotesValue(t *testing.T) {
	_, err := ParseNumber("abc")
	if err == nil || err.Error() != `vocab: "abc" is not a number` {
		t.Errorf("error = %v", err)
	}
	_, err = ParseNumber(strings.Repeat("x", 1000))
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("long value not shortened: %v", err)
	}
}

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		q    Qualifier
		unit string
	}{
		{"30余个", 30, AtLeast, "个"},
		{"70多项", 70, AtLeast, "项"},
		{"3家", 3, Exact, "家"},
		{"30%", 30, Exact, "%"},
		{"百分之三十", 30, Exact, "%"},
		{"30家以上", 30, AtLeast, "家"},
		{"30%左右", 30, Approx, "%"},
		{"1.5万人", 15000, Exact, "人"},
		{"1亿元", 1e8, Exact, "元"},
		{"30余万元", 300000, AtLeast, "元"},
		{"近百人次", 100, AtMost, "人次"},
		{"3个百分点", 3, Exact, "个百分点"},
		{"10万平方米", 100000, Exact, "平方米"},
		{"12.5km", 12.5, Exact, "km"},
		{"30", 30, Exact, ""},
	}
	for _, tt := range tests {
		got, err := ParseQuantity(tt.in)
		if err != nil {
			t.Errorf("ParseQuantity(%q): %v", tt.in, err)
			continue
		}
		if got.Value != tt.want || got.Qualifier != tt.q || got.Unit != tt.unit {
			t.Errorf("ParseQuantity(%q) = %+v, want %v %q %q", tt.in, got, tt.want, tt.q, tt.unit)
		}
	}
	for _, bad := range []string{"个", "3个5", "3一二三四五六七八九十个字的单位", "abc"} {
		if _, err := ParseQuantity(bad); err == nil {
			t.Errorf("ParseQuantity(%q): no error", bad)
		}
	}
}
