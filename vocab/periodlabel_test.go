package vocab

import (
	"testing"
	"time"
)

// TestPeriodLabelRoundTrips checks the Chinese labels read back as the same
// period, since a click on a chart's axis drills down with the label.
func TestPeriodLabelRoundTrips(t *testing.T) {
	for p, want := range map[string]string{"2021": "2021年", "2021Q1": "2021年一季度", "2021Q4": "2021年四季度", "2021-03": "2021年3月"} {
		got := PeriodLabel(p, "zh-CN")
		if got != want {
			t.Errorf("%s → %q, want %q", p, got, want)
		}
		back, err := ParseDate(got)
		if err != nil || back.String() != p {
			t.Errorf("%q parses back as %v (%v), want %s", got, back, err, p)
		}
	}
	if PeriodLabel("2021Q1", "en") != "2021 Q1" {
		t.Error("English quarter label")
	}
}

func TestPeriodCodeAndNext(t *testing.T) {
	d := time.Date(2021, 4, 1, 0, 0, 0, 0, time.UTC)
	for g, want := range map[Grain][2]string{
		GrainYear: {"2021", "2022-04-01"}, GrainQuarter: {"2021Q2", "2021-07-01"}, GrainMonth: {"2021-04", "2021-05-01"}, "": {"2021", "2022-04-01"},
	} {
		if got := PeriodCode(d, g); got != want[0] {
			t.Errorf("PeriodCode(%s) = %q, want %q", g, got, want[0])
		}
		if got := NextStart(d, g).Format("2006-01-02"); got != want[1] {
			t.Errorf("NextStart(%s) = %s, want %s", g, got, want[1])
		}
	}
}
