package charts

import "github.com/zibo-kj/corridor/dashboard/i18n"

// unitNote is the line under a chart that names its unit.
func unitNote(unit, lang string) string {
	if unit == "" {
		return ""
	}
	return i18n.F(lang, "ch_unit", unit)
}
