package index

import "math"

// Grade is a band of the coupling coordination degree D.
type Grade struct {
	// Level runs from 1 (extreme imbalance) to 10 (high-quality coordination).
	Level int `json:"level"`
	// Lower is inclusive, Upper exclusive (except 1.0 for level 10).
	Lower  float64 `json:"lower"`
	Upper  float64 `json:"upper"`
	NameZH string  `json:"name_zh"`
	NameEN string  `json:"name_en"`
}

// Grades returns the ten classic bands of D, each 0.1 wide. It builds a
// fresh slice on each call so no caller can alter the bands for another.
func Grades() []Grade {
	return []Grade{
		{1, 0.0, 0.1, "极度失调", "extreme imbalance"},
		{2, 0.1, 0.2, "严重失调", "severe imbalance"},
		{3, 0.2, 0.3, "中度失调", "moderate imbalance"},
		{4, 0.3, 0.4, "轻度失调", "mild imbalance"},
		{5, 0.4, 0.5, "濒临失调", "on the verge of imbalance"},
		{6, 0.5, 0.6, "勉强协调", "barely coordinated"},
		{7, 0.6, 0.7, "初级协调", "primary coordination"},
		{8, 0.7, 0.8, "中级协调", "intermediate coordination"},
		{9, 0.8, 0.9, "良好协调", "good coordination"},
		{10, 0.9, 1.0, "优质协调", "high-quality coordination"},
	}
}

// GradeOf returns the band containing d. Comparing against the literal
// bounds (not ⌊10·d⌋) keeps d = 0.3 in band 4, where floating-point
// multiplication could push it either way. Values outside [0, 1] clamp;
// NaN has no grade (Level 0).
func GradeOf(d float64) Grade {
	if math.IsNaN(d) {
		return Grade{}
	}
	gs := Grades()
	for _, g := range gs[:len(gs)-1] {
		if d < g.Upper {
			return g
		}
	}
	return gs[len(gs)-1]
}
