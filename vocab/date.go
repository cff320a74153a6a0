package vocab

import (
	"regexp"
	"strconv"
	"strings"
)

// datePattern is one accepted shape of a date and how to build its period.
type datePattern struct {
	re    *regexp.Regexp
	build func(s string, g []string) (Period, error)
}

// datePatterns are tried in order on the compacted text (no spaces,
// half-width, Chinese numerals already turned into digits).
var datePatterns = []datePattern{
	{regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`), dayOf},
	{regexp.MustCompile(`^(\d{4})/(\d{1,2})/(\d{1,2})$`), dayOf},
	{regexp.MustCompile(`^(\d{4})\.(\d{1,2})\.(\d{1,2})$`), dayOf},
	{regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$`), dayOf},
	{regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`), dayOf},
	{regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})$`), monthOf},
	{regexp.MustCompile(`^(\d{4})年(\d{1,2})月份?$`), monthOf},
	{regexp.MustCompile(`^(\d{4})(\d{2})$`), monthOf},
	{regexp.MustCompile(`^(\d{4})(?:年|年度|年全年)?$`), yearOf},
	{regexp.MustCompile(`^(\d{4})(?:[-/]|年)?[Qq](\d)$`), quarterOf},
	{regexp.MustCompile(`^(\d{4})年?第?(\d)季度?$`), quarterOf},
	{regexp.MustCompile(`^[Qq](\d)[-/]?(\d{4})$`), func(s string, g []string) (Period, error) {
		return quarterOf(s, []string{g[0], g[2], g[1]})
	}},
	{regexp.MustCompile(`^(\d{4})(?:[-/]|年)?[Hh](\d)$`), halfOf},
	{regexp.MustCompile(`^(\d{4})年?([上下])半年度?$`), halfOf},
	{regexp.MustCompile(`^\d{5}$|^\d{1,7}\.\d{1,9}$`), serialOf},
}

// ParseDate parses a date or period as written in spreadsheets and reports.
//
// Days: 2021-03-02, 2021/3/2, 2021.3.2, 20210302, 2021年3月2日 (or 2号),
// optionally followed by a time of day, which is dropped. Months: 2021-03,
// 2021/03, 2021.3, 202103, 2021年3月. Quarters: 2021Q1, 2021 Q1, Q1 2021,
// 2021年第一季度, 2021年一季度, 2021年1季度. Halves: 2021H1, 2021年上半年,
// 2021年下半年. Years: 2021, 2021年, 2021年度. Chinese numerals and
// full-width digits work anywhere (二〇二一年三月, ２０２１年). Excel serial
// day numbers (days since 1899-12-30) are read as days when they are five
// digits in 20000..80000 or carry a decimal fraction ("44197.5").
//
// Values are checked: month 13, 2021-02-30 and years outside 1949..2100 are
// errors naming the value.
func ParseDate(s string) (Period, error) {
	const want = "a date"
	if tooLong(s, maxRunes) {
		return Period{}, invalid(s, want, "longer than %d characters", maxRunes)
	}
	c, hadTime, err := cutTime(s)
	if err != nil {
		return Period{}, err
	}
	c, err = zhDateDigits(s, strings.ReplaceAll(compact(c), "元月", "1月"))
	if err != nil {
		return Period{}, err
	}
	for _, p := range datePatterns {
		if g := p.re.FindStringSubmatch(c); g != nil {
			per, err := p.build(s, g)
			if err == nil && hadTime && per.Grain != GrainDay {
				return Period{}, invalid(s, want, "a time of day needs a full date")
			}
			return per, err
		}
	}
	return Period{}, invalid(s, want, "")
}

// timeOfDay matches a trailing time: " 10:30", "T10:30:00Z", " 0:00:00.000+08:00".
var timeOfDay = regexp.MustCompile(`^(.*\S)[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$`)

// cutTime removes a valid time of day from the end of s.
func cutTime(s string) (string, bool, error) {
	c := strings.Map(func(r rune) rune { return foldWidth(r, false) }, CleanText(s))
	g := timeOfDay.FindStringSubmatch(c)
	if g == nil {
		return c, false, nil
	}
	h, _ := strconv.Atoi(g[2])
	m, _ := strconv.Atoi(g[3])
	sec, _ := strconv.Atoi(g[4] + "0")
	if h > 23 || m > 59 || sec > 600 {
		return "", false, invalid(s, "a date", "bad time of day")
	}
	return g[1], true, nil
}

func atoi(g string) int {
	n, _ := strconv.Atoi(g) // the patterns only capture short digit runs
	return n
}

func dayOf(s string, g []string) (Period, error) {
	return newPeriod(s, atoi(g[1]), atoi(g[2]), atoi(g[3]), GrainDay)
}

func monthOf(s string, g []string) (Period, error) {
	return newPeriod(s, atoi(g[1]), atoi(g[2]), 1, GrainMonth)
}

func yearOf(s string, g []string) (Period, error) {
	return newPeriod(s, atoi(g[1]), 1, 1, GrainYear)
}

func quarterOf(s string, g []string) (Period, error) {
	q := atoi(g[2])
	if q < 1 || q > 4 {
		return Period{}, invalid(s, "a date", "quarter %d out of range", q)
	}
	return newPeriod(s, atoi(g[1]), 3*q-2, 1, GrainQuarter)
}

func halfOf(s string, g []string) (Period, error) {
	h := map[string]int{"上": 1, "下": 2}[g[2]]
	if h == 0 {
		h = atoi(g[2])
	}
	if h < 1 || h > 2 {
		return Period{}, invalid(s, "a date", "half %d out of range", h)
	}
	return newPeriod(s, atoi(g[1]), 6*h-5, 1, GrainHalf)
}

// serialOf reads an Excel serial day number. Whole serials must look like a
// recent date (20000..80000) so that a stray count is not taken for a day.
func serialOf(s string, g []string) (Period, error) {
	f, err := strconv.ParseFloat(g[0], 64)
	if err != nil {
		return Period{}, invalid(s, "a date", "")
	}
	if !strings.Contains(g[0], ".") && (f < 20000 || f > 80000) {
		return Period{}, invalid(s, "a date", "Excel serial outside 20000..80000")
	}
	t, err := ExcelSerial(f)
	if err != nil {
		return Period{}, invalid(s, "a date", "bad Excel serial")
	}
	return newPeriod(s, t.Year(), int(t.Month()), t.Day(), GrainDay)
}
