package charts

// unitNote is the line under a chart that names its unit.
func unitNote(unit, lang string) string {
	if unit == "" {
		return ""
	}
	return T(lang, "单位："+unit, "Unit: "+unit)
}
