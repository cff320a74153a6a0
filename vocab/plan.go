package vocab

import (
	"strings"
	"time"
)

// planYears are the five-year plans (五年规划) that documents name by
// number: "十三五" ran from 2016 to 2020. Their years are fixed by the
// plans themselves, not by any document.
var planYears = map[string]int{ // name → first year
	"十五": 2001, "十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026,
}

// PlanNames lists the five-year plan names, longest first, so that a scan
// finds "十一五" before "十五".
func PlanNames() []string {
	return []string{"十一五", "十二五", "十三五", "十四五", "十五五", "十五"}
}

// PlanPeriod returns the last year of the five-year plan name ("十三五",
// also in traditional characters or between quotes) as a year period:
// what a plan achieved, or is to achieve, is a figure of its last year.
func PlanPeriod(name string) (Period, bool) {
	name = strings.Trim(strings.Map(FoldTraditional, name), "“”\"'‘’ ")
	first, ok := planYears[name]
	if !ok {
		return Period{}, false
	}
	return Period{Start: time.Date(first+4, 1, 1, 0, 0, 0, 0, time.UTC), Grain: GrainYear}, true
}
