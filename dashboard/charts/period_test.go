package charts

import (
	"testing"

	"github.com/zibo-kj/corridor/vocab"
)

// TestPeriodLabelRoundTrips checks the Chinese labels read back as the same
// period, since a click on a chart's axis drills down with the label.
func TestPeriodLabelRoundTrips(t *testing.T) {
	for p, want := range map[string]string{"2021": "2021年", "2021Q1": "2021年一季度", "2021Q4": "2021年四季度", "2021-03": "2021年3月"} {
		got := PeriodLabel(p, "zh-CN")
		if got != want {
			t.Errorf("%s → %q, want %q", p, got, want)
		}
		back, err := vocab.ParseDate(got)
		if err != nil || back.String() != p {
			t.Errorf("%q parses back as %v (%v), want %s", got, back, err, p)
		}
	}
	if PeriodLabel("2021Q1", "en") != "2021 Q1" {
		t.Error("English quarter label")
	}
}

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
