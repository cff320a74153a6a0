package charts

import (
	"fmt"
	"strconv"
	"strings"
)

var quarterZH = []string{"一", "二", "三", "四"}

// PeriodLabel writes a period for readers: 2021年, 2021年一季度, 2021年3月 in
// Chinese; 2021, 2021 Q1, 2021-03 in English. Drill-down parses both back.
func PeriodLabel(p, lang string) string {
	if lang == "en" {
		return strings.Replace(p, "Q", " Q", 1)
	}
	switch {
	case len(p) == 4:
		return p + "年"
	case len(p) == 6 && p[4] == 'Q':
		q, _ := strconv.Atoi(p[5:])
		if q >= 1 && q <= 4 {
			return p[:4] + "年" + quarterZH[q-1] + "季度"
		}
	case len(p) == 7 && p[4] == '-':
		m, _ := strconv.Atoi(p[5:])
		return fmt.Sprintf("%s年%d月", p[:4], m)
	}
	return p
}

func periodLabels(ps []string, lang string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = PeriodLabel(p, lang)
	}
	return out
}
