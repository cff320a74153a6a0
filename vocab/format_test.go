package vocab

import (
	"math"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		v          float64
		unit, lang string
		want       string
	}{
		{1.23e8, "元", "zh-CN", "1.23亿元"},
		{3e6, "元", "zh-CN", "300万元"},
		{2000, "元", "zh-CN", "2,000元"},
		{99_999_999.99, "元", "zh-CN", "1亿元"},
		{99_994_999, "元", "zh-CN", "9,999.5万元"},
		{-1.5e8, "元", "zh-CN", "-1.5亿元"},
		{64, "个", "zh-CN", "64个"},
		{123456, "人", "zh-CN", "12.35万人"},
		{99_999, "人", "zh-CN", "99,999人"},
		{99_999_999.7, "项", "zh-CN", "1亿项"},
		{12.345, "%", "zh-CN", "12.35%"},
		{1.5e9, "元", "en", "1.5 bn yuan"},
		{999_999_999.9, "元", "en", "1 bn yuan"},
		{2.5e6, "个", "en", "2.5 m"},
		{1234.5, "元", "en", "1,234.5 yuan"},
		{math.NaN(), "元", "zh-CN", "—"},
		{-0.001, "个", "zh-CN", "0个"},
	} {
		if got := FormatNumber(c.v, c.unit, c.lang); got != c.want {
			t.Errorf("FormatNumber(%v, %s, %s) = %q, want %q", c.v, c.unit, c.lang, got, c.want)
		}
	}
}

func TestScaleAndUnits(t *testing.T) {
	if d, u := ScaleFor(3e8, "元", "zh-CN"); d != 1e8 || u != "亿元" {
		t.Errorf("ScaleFor 3e8 = %v %q", d, u)
	}
	if d, u := ScaleFor(3e5, "元", "en"); d != 1e4 || u != "10k yuan" {
		t.Errorf("ScaleFor 3e5 en = %v %q", d, u)
	}
	if d, u := ScaleFor(300, "个", "en"); d != 1 || u != "" {
		t.Errorf("ScaleFor 300 个 en = %v %q", d, u)
	}
	r := 0.123
	if FormatChange(&r) != "+12.3%" || FormatChange(nil) != "" {
		t.Error("FormatChange")
	}
}
