package vocab

import "strings"

// Levels of carriers and platforms (众创空间, 孵化器, 重点实验室 …), after the
// body that recognised them. 区县级 is LevelDistrict, the value Place uses.
const (
	LevelNational   = "national"
	LevelProvincial = "provincial"
	LevelMunicipal  = "municipal"
)

// levelWords maps the spellings of a level, cleaned and lower-cased, to it.
var levelWords = map[string]string{
	"国家级": LevelNational, "国家": LevelNational, "国字号": LevelNational, "部级": LevelNational,
	"national": LevelNational, "state": LevelNational, "statelevel": LevelNational, "nationallevel": LevelNational,
	"省级": LevelProvincial, "省": LevelProvincial, "省部级": LevelProvincial, "provincial": LevelProvincial,
	"province": LevelProvincial, "provinciallevel": LevelProvincial, "provincelevel": LevelProvincial,
	"市级": LevelMunicipal, "市": LevelMunicipal, "地市级": LevelMunicipal, "municipal": LevelMunicipal,
	"city": LevelMunicipal, "citylevel": LevelMunicipal, "municipallevel": LevelMunicipal,
	"区县级": LevelDistrict, "县区级": LevelDistrict, "区级": LevelDistrict, "县级": LevelDistrict,
	"区(县)级": LevelDistrict, "县(区)级": LevelDistrict, "区县": LevelDistrict, "区": LevelDistrict,
	"县": LevelDistrict, "district": LevelDistrict, "county": LevelDistrict,
	"districtlevel": LevelDistrict, "countylevel": LevelDistrict, "district/county": LevelDistrict,
}

// ParseLevel normalises a carrier or platform level: 国家级/国家 →
// "national", 省级/省 → "provincial", 市级/市 → "municipal", 区县级/区级/县级 →
// "district"; the English words (national, provincial, municipal/city,
// district/county, with or without "level") too. Anything else is an error
// naming the value.
func ParseLevel(s string) (string, error) {
	if len(s) > 64 {
		return "", invalid(s, "a level", "too long")
	}
	k := strings.ToLower(compact(s))
	k = strings.NewReplacer("-", "", "_", "", "（", "(", "）", ")").Replace(k)
	if l, ok := levelWords[k]; ok {
		return l, nil
	}
	return "", invalid(s, "a level", "want 国家级, 省级, 市级 or 区县级")
}
