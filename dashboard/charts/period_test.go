package charts

import (
	"testing"
)

func TestNumberFormats(t *testing.T) {
	for _, c := range []struct {
		v          float64
		unit, lang string
		want       string
	}{
		{1.23e8, "元", "zh-CN", "1.23亿元"},
		{3e6, "元", "zh-CN", "300万元"},
		{2000, "元", "zh-CN", "2,000元"},
		{64, "个", "zh-CN", "64个"},
		{1.5e9, "元", "en", "1.5 bn yuan"},
	} {
		if got := Number(c.v, c.unit, c.lang); got != c.want {
			t.Errorf("Number(%v, %s, %s) = %q, want %q", c.v, c.unit, c.lang, got, c.want)
		}
	}
}
