package vocab

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodCode is the code of the period of grain g that starts at start, as
// the API writes it and ParseDate reads it: 2021, 2021Q1, 2021-03.
func PeriodCode(start time.Time, g Grain) string {
	if _, ok := months[g]; !ok && g != GrainDay {
		g = GrainYear
	}
	return Period{Start: start, Grain: g}.String()
}

// NextStart is the first day of the period after the one of grain g that
// starts at start (a year for an unknown grain).
func NextStart(start time.Time, g Grain) time.Time {
	if g == GrainDay {
		return start.AddDate(0, 0, 1)
	}
	n, ok := months[g]
	if !ok {
		n = 12
	}
	return start.AddDate(0, n, 0)
}

var quarterZH = [...]string{"一", "二", "三", "四"}

// PeriodLabel writes a period code for readers: 2021年, 2021年一季度,
// 2021年3月 in Chinese; 2021, 2021 Q1, 2021-03 in English. ParseDate reads
// the Chinese labels back (a click on a chart's axis drills down with them).
func PeriodLabel(code, lang string) string {
	if lang == "en" {
		return strings.Replace(code, "Q", " Q", 1)
	}
	switch {
	case len(code) == 4:
		return code + "年"
	case len(code) == 6 && code[4] == 'Q':
		if q, _ := strconv.Atoi(code[5:]); q >= 1 && q <= 4 {
			return code[:4] + "年" + quarterZH[q-1] + "季度"
		}
	case len(code) == 7 && code[4] == '-':
		m, _ := strconv.Atoi(code[5:])
		return fmt.Sprintf("%s年%d月", code[:4], m)
	}
	return code
}
