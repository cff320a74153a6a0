package vocab

import (
	"fmt"
	"time"
)

// Grain of a period: how much of the calendar it covers.
type Grain string

// The grains, finest first. Reports mix them freely ("2021年3月2日",
// "2021年一季度", "2021年上半年"), so a parsed date keeps its grain instead of
// pretending to be a day.
const (
	GrainDay     Grain = "day"
	GrainMonth   Grain = "month"
	GrainQuarter Grain = "quarter"
	GrainHalf    Grain = "half"
	GrainYear    Grain = "year"
)

// Period is a calendar period: its first day (UTC midnight) and its grain.
type Period struct {
	Start time.Time
	Grain Grain
}

// months is the length of each grain in months; days are handled apart.
var months = map[Grain]int{GrainMonth: 1, GrainQuarter: 3, GrainHalf: 6, GrainYear: 12}

// End returns the last day of the period, inclusive, at UTC midnight. For an
// unknown grain it returns Start.
func (p Period) End() time.Time {
	if n, ok := months[p.Grain]; ok {
		return p.Start.AddDate(0, n, -1)
	}
	return p.Start
}

// String renders the period as ParseDate reads it back: "2021-03-02",
// "2021-03", "2021Q1", "2021H1", "2021". The zero Period renders as "".
func (p Period) String() string {
	y, m, d := p.Start.Date()
	switch p.Grain {
	case GrainDay:
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	case GrainMonth:
		return fmt.Sprintf("%04d-%02d", y, m)
	case GrainQuarter:
		return fmt.Sprintf("%04dQ%d", y, (int(m)-1)/3+1)
	case GrainHalf:
		return fmt.Sprintf("%04dH%d", y, (int(m)-1)/6+1)
	case GrainYear:
		return fmt.Sprintf("%04d", y)
	}
	return ""
}

// Contains reports whether the day t (its calendar date) falls in p.
func (p Period) Contains(t time.Time) bool {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return !d.Before(p.Start) && !d.After(p.End())
}

// Years accepted by ParseDate: the People's Republic's records start in 1949,
// and anything past 2100 is a typo.
const (
	MinYear = 1949
	MaxYear = 2100
)

// newPeriod validates y-m-d and builds the period that starts there.
func newPeriod(s string, y, m, d int, g Grain) (Period, error) {
	const want = "a date"
	if y < MinYear || y > MaxYear {
		return Period{}, invalid(s, want, "year %d outside %d..%d", y, MinYear, MaxYear)
	}
	if m < 1 || m > 12 {
		return Period{}, invalid(s, want, "month %d out of range", m)
	}
	if last := daysIn(y, m); d < 1 || d > last {
		return Period{}, invalid(s, want, "day %d out of range for %04d-%02d", d, y, m)
	}
	return Period{Start: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), Grain: g}, nil
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
