package vocab

// Levels of carriers and platforms (众创空间, 孵化器, 重点实验室 …), after the
// body that recognised them. 区县级 is LevelDistrict, the value Place uses.
const (
	LevelNational   = "national"
	LevelProvincial = "provincial"
	LevelMunicipal  = "municipal"
)

// ParseLevel normalises a carrier or platform level: 国家级/国家 →
// "national", 省级/省 → "provincial", 市级/市 → "municipal", 区县级/区级/县级 →
// "district"; the English words (national, provincial, municipal/city,
// district/county, with or without "level") too. Anything else is an error
// naming the value.
func ParseLevel(s string) (string, error) {
	if len(s) > 64 {
		return "", invalid(s, "a level", "too long")
	}
	if t, ok := FindTerm(Levels(), s, false); ok {
		return t.Code, nil
	}
	return "", invalid(s, "a level", "want "+LevelChoices())
}
