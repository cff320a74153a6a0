package vocab

import (
	"slices"
	"strings"
)

// Place is an official administrative area (or an economic zone, see
// LevelZone) with its area code.
type Place struct {
	Code  string // GB/T 2260 area code, "370303"; zones use "370300-GX"
	Name  string // official name, "张店区"
	City  string // prefecture city, "淄博市"; a city names itself; "" for the province
	Level string // LevelProvince, LevelCity, LevelDistrict or LevelZone
}

// maxPlaceRunes bounds place names; the longest real one is under 20.
const maxPlaceRunes = 64

// LookupPlace resolves a place name to its place and official area code.
//
// It accepts official names ("张店区"), short forms ("张店", "济南"), old or
// variant suffixes ("章丘市", "济阳县"), names with their city or province in
// front ("淄博市张店区", "山东省济南市"), pinyin with or without "District",
// "County" or "City" ("Zhangdian", "Zichuan District", "Jinan City"), and
// any mix of full-width and half-width spaces.
//
// 莱芜 and 莱芜市, the prefecture merged into Jinan in 2019, resolve to
// 莱芜区 (370116) of 济南市. A bare "市中区" (or "Shizhong") resolves to
// Jinan's 市中区 (370103), not Zaozhuang's (370402), because this product is
// about the Jinan–Zibo corridor; write "枣庄市市中区" to get 370402. A bare
// "高新区" is ambiguous and not resolved here; "淄博高新区" or "淄博市高新区" is,
// and LookupPlaceAt reads it as the home city's zone.
//
// An area code names its place too: "370302" is 淄川区, "370300-GX" 淄博高新区
// (see LevelZone), so a column or option may hold names and codes alike.
func LookupPlace(s string) (Place, bool) {
	if tooLong(s, maxPlaceRunes) {
		return Place{}, false
	}
	k := placeKey(s)
	if k == "" {
		return Place{}, false
	}
	if i, ok := placeIndex.byCode[strings.ToUpper(k)]; ok {
		return placeRows[i].Place, true
	}
	if p, ok := pickPlace(k, ""); ok {
		return p, true
	}
	if rest, ok := cutPlacePrefix(k, provincePrefixes); ok {
		if p, ok := pickPlace(rest, ""); ok && p.Level != LevelProvince {
			return p, true
		}
		k = rest
	}
	return lookupInCity(k)
}

// lookupInCity resolves "淄博市张店区": a city in front, a place of it behind.
// Every matching city prefix is tried, since "济南市中区" is 济南 + 市中区.
func lookupInCity(k string) (Place, bool) {
	for _, cp := range placeIndex.cityPrefixes {
		if rest, ok := strings.CutPrefix(k, cp.prefix); ok && rest != "" {
			if p, ok := pickPlace(rest, cp.city); ok {
				return p, true
			}
		}
	}
	return Place{}, false
}

// pickPlace finds the place for key k, within city if city is not "".
func pickPlace(k, city string) (Place, bool) {
	var found []Place
	for _, i := range placeIndex.byKey[k] {
		if p := placeRows[i].Place; city == "" || (p.City == city && p.Level != LevelCity) {
			found = append(found, p)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	if code, ok := bareDefaults[k]; ok && city == "" {
		return placeByCode(code)
	}
	return Place{}, false
}

// placeByCode returns the place with the given code.
func placeByCode(code string) (Place, bool) {
	if i, ok := placeIndex.byCode[code]; ok {
		return placeRows[i].Place, true
	}
	return Place{}, false
}

// Places returns all known places, sorted by code, for the demo generator
// and for lists in the UI. The slice is a fresh copy.
func Places() []Place {
	out := make([]Place, len(placeRows))
	for i, r := range placeRows {
		out[i] = r.Place
	}
	slices.SortFunc(out, func(a, b Place) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// provincePrefixes may stand before a city or district name.
var provincePrefixes = []string{"shandongprovince", "山东省", "shandong", "山东"}

// cutPlacePrefix removes the first matching prefix, leaving something.
func cutPlacePrefix(k string, prefixes []string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(k, p); ok && rest != "" {
			return rest, true
		}
	}
	return k, false
}

// englishDesignators are dropped from the end of pinyin names.
var englishDesignators = []string{"district", "county", "city", "province", "prefecture", "municipality"}

// placeKey folds a place name for lookup: no spaces, half-width, lower case,
// no punctuation that pinyin spellings vary in, no English designator.
func placeKey(s string) string {
	k := strings.ToLower(compact(s))
	k = strings.NewReplacer("-", "", "'", "", "’", "", ".", "", ",", "", "·", "", "_", "").Replace(k)
	for changed := true; changed; {
		changed = false
		for _, d := range englishDesignators {
			if rest, ok := strings.CutSuffix(k, d); ok && rest != "" {
				k, changed = rest, true
			}
		}
	}
	return k
}

// IsTotalPlace reports whether code names a city or the province: a
// figure stated for it is a total of its districts, not another part.
func IsTotalPlace(code string) bool {
	p, ok := placeByCode(code)
	return ok && (p.Level == LevelCity || p.Level == LevelProvince)
}
