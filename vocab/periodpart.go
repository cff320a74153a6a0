package vocab

import (
	"fmt"
	"time"
)

// Months is the length of a grain in months: 0 for a day (and for an
// unknown grain), 12 for a year.
func (g Grain) Months() int { return months[g] }

// Coarser reports whether a period of grain g is longer than one of o: a
// figure reported for a year is coarser than a quarter's series and has
// no place in it.
func (g Grain) Coarser(o Grain) bool { return g.Months() > o.Months() }

// PartLabel names the part of a year [start, end) that a partial period
// covers, end exclusive: 2025年1—3月 (en: 2025 Jan–Mar), 2025年3月 for one
// month, 2025年3月2日—6月30日 where the part does not fall on months.
func PartLabel(start, end time.Time, lang string) string {
	last := end.AddDate(0, 0, -1)
	byMonth := start.Day() == 1 && end.Day() == 1
	if lang == "en" {
		if byMonth {
			if start.Month() == last.Month() {
				return fmt.Sprintf("%d %s", start.Year(), start.Format("Jan"))
			}
			return fmt.Sprintf("%d %s–%s", start.Year(), start.Format("Jan"), last.Format("Jan"))
		}
		return fmt.Sprintf("%s–%s", start.Format("2006-01-02"), last.Format("2006-01-02"))
	}
	switch {
	case byMonth && start.Month() == last.Month():
		return fmt.Sprintf("%d年%d月", start.Year(), start.Month())
	case byMonth && start.Year() == last.Year():
		return fmt.Sprintf("%d年%d—%d月", start.Year(), start.Month(), last.Month())
	case start.Year() == last.Year():
		return fmt.Sprintf("%d年%d月%d日—%d月%d日", start.Year(), start.Month(), start.Day(), last.Month(), last.Day())
	}
	return fmt.Sprintf("%d年%d月%d日—%d年%d月%d日", start.Year(), start.Month(), start.Day(), last.Year(), last.Month(), last.Day())
}
