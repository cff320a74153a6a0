package vocab

import "strings"

// IsCountUnit reports whether unit counts things — firms, projects,
// people, events (个, 项, 家, 人, 人次, 场, 万人 …) — so that a figure in
// it can never be negative. Ratios (%, ‰), money and physical units
// (吨, 平方米) are not counts; "" is not a unit.
func IsCountUnit(unit string) bool {
	u := compact(unit)
	u = strings.TrimPrefix(u, "万") // 万人, 万人次: people counted in ten-thousands
	switch u {
	case "", "%", "‰":
		return false
	}
	return countUnits[u]
}

// IsMoneyUnit reports whether unit is any spelling of a money unit
// (元, 万元, 亿元人民币, 10k yuan).
func IsMoneyUnit(unit string) bool {
	_, ok := moneyUnit(unit)
	return ok
}
