package vocab

import (
	"testing"
	"time"
)

func TestPartLabel(t *testing.T) {
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		start, end time.Time
		zh, en     string
	}{
		{d(2025, 1, 1), d(2025, 4, 1), "2025年1—3月", "2025 Jan–Mar"},
		{d(2025, 3, 1), d(2025, 4, 1), "2025年3月", "2025 Mar"},
		{d(2021, 3, 1), d(2022, 1, 1), "2021年3—12月", "2021 Mar–Dec"},
		{d(2021, 3, 2), d(2021, 7, 1), "2021年3月2日—6月30日", "2021-03-02–2021-06-30"},
	} {
		if got := PartLabel(c.start, c.end, "zh"); got != c.zh {
			t.Errorf("PartLabel(%v, %v) = %s, want %s", c.start, c.end, got, c.zh)
		}
		if got := PartLabel(c.start, c.end, "en"); got != c.en {
			t.Errorf("PartLabel en = %s, want %s", got, c.en)
		}
	}
	if !GrainYear.Coarser(GrainQuarter) || GrainMonth.Coarser(GrainDay) == false || GrainQuarter.Coarser(GrainYear) {
		t.Error("Coarser: year > quarter > month > day")
	}
}
