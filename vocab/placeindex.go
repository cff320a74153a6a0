package vocab

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// cityPrefix is a spelling of a city that may stand before its districts.
type cityPrefix struct{ prefix, city string }

// placeLookup is the index over placeRows. It is built once at start-up and
// only read afterwards.
type placeLookup struct {
	byKey        map[string][]int // lookup key → rows, in table order
	byCode       map[string]int   // area code, as placeKey folds it but upper case ("370300GX") → row
	keys         []string         // all keys, sorted, for SuggestPlace
	cityPrefixes []cityPrefix     // longest first
}

var placeIndex = buildPlaceIndex()

func buildPlaceIndex() placeLookup {
	ix := placeLookup{byKey: map[string][]int{}, byCode: map[string]int{}}
	for i, r := range placeRows {
		ix.byCode[r.Code] = i
		ix.byCode[strings.ToUpper(placeKey(r.Code))] = i // placeKey drops the "-" of "370300-GX"
		for _, k := range placeKeys(r) {
			k = placeKey(k)
			if !slices.Contains(ix.byKey[k], i) {
				ix.byKey[k] = append(ix.byKey[k], i)
			}
		}
		if r.Level == LevelCity {
			stem := strings.TrimSuffix(r.Name, "市")
			for _, p := range []string{r.Name, stem, r.pinyin, r.pinyin + "city"} {
				ix.cityPrefixes = append(ix.cityPrefixes, cityPrefix{p, r.Name})
			}
		}
	}
	for k := range ix.byKey {
		ix.keys = append(ix.keys, k)
	}
	slices.Sort(ix.keys)
	slices.SortStableFunc(ix.cityPrefixes, func(a, b cityPrefix) int { return len(b.prefix) - len(a.prefix) })
	return ix
}

// placeKeys lists the spellings of one row: official name, short form,
// suffix variants (章丘市 and 济阳县 were the names before 2016 and 2018),
// extras and pinyin.
func placeKeys(r placeRow) []string {
	keys := append([]string{r.Name, r.pinyin}, r.extra...)
	switch r.Level {
	case LevelCity:
		keys = append(keys, strings.TrimSuffix(r.Name, "市"))
	case LevelDistrict:
		keys = append(keys, districtVariants(r.Name)...)
	case LevelZone:
		city := strings.TrimSuffix(r.pinyin, "hightechzone")
		keys = append(keys, "高新区", "高新技术产业开发区", "国家高新区", "hightechzone", "hitechzone",
			city+"hitechzone", city+"hightechindustrialdevelopmentzone", city+"nationalhightechzone")
	}
	return keys
}

// districtVariants turns "张店区" into 张店, 张店区, 张店县, 张店市. 市中区 gets
// none: "市中" alone means nothing and "市中市" would be noise.
func districtVariants(name string) []string {
	if name == "市中区" {
		return nil
	}
	_, size := utf8.DecodeLastRuneInString(name)
	stem := name[:len(name)-size]
	return []string{stem, stem + "区", stem + "县", stem + "市"}
}
