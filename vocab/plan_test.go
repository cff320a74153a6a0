package vocab

import "testing"

// TestPlanPeriod holds the five-year plans to their last years, in either
// script and between quotes, and refuses what is not a plan.
func TestPlanPeriod(t *testing.T) {
	for name, want := range map[string]string{
		"十三五": "2020", "“十四五”": "2025", "十一五": "2010", "十五": "2005", "十五五": "2030",
		"十二五": "2015", "十四五规划": "", "十六五": "", "": "",
	} {
		p, ok := PlanPeriod(name)
		if got := p.String(); got != want || ok != (want != "") {
			t.Errorf("PlanPeriod(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}
