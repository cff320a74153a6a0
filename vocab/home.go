package vocab

import (
	"fmt"
	"strings"
)

// DefaultHomeCity is the city Corridor is run for unless a setting names
// another: the bureau is Zibo's, so a bare 高新区 in its files is 淄博高新区.
// It is the one place this default is written; commands take it from here.
const DefaultHomeCity = "淄博市"

// HomeCity resolves a home-city setting (a city's name, short form, pinyin
// or code; "" means DefaultHomeCity) to the city. Anything that is not a
// city vocab knows is an error listing the cities.
func HomeCity(s string) (Place, error) {
	if strings.TrimSpace(s) == "" {
		s = DefaultHomeCity
	}
	if p, ok := LookupPlace(s); ok && p.Level == LevelCity {
		return p, nil
	}
	return Place{}, fmt.Errorf("vocab: home city %q is not a city; want one of %s", shorten(s), strings.Join(CityNames(), "、"))
}

// CityNames lists the prefecture cities vocab knows, by code.
func CityNames() []string {
	var out []string
	for _, p := range Places() {
		if p.Level == LevelCity {
			out = append(out, p.Name)
		}
	}
	return out
}

// ZoneOf returns the high-tech zone of a city, if vocab knows one.
func ZoneOf(city Place) (Place, bool) {
	z, ok := placeByCode(city.Code + zoneGX)
	return z, ok && city.Level == LevelCity
}

// ZoneNames lists the high-tech zones vocab knows (淄博高新区, 济南高新区),
// home city's first, for messages that ask which one a bare 高新区 means.
func ZoneNames(home Place) []string {
	var out []string
	if z, ok := ZoneOf(home); ok {
		out = append(out, z.Name)
	}
	for _, p := range Places() {
		if p.Level == LevelZone && (len(out) == 0 || p.Name != out[0]) {
			out = append(out, p.Name)
		}
	}
	return out
}

// IsBareZone reports whether s names a high-tech zone without saying whose
// (高新区, 高新技术产业开发区, 国家高新区, Hi-tech Zone): every city has one.
func IsBareZone(s string) bool {
	if tooLong(s, maxPlaceRunes) {
		return false
	}
	k := placeKey(s)
	rows := placeIndex.byKey[k]
	if len(rows) < 2 {
		return false
	}
	for _, i := range rows {
		if placeRows[i].Level != LevelZone {
			return false
		}
	}
	return true
}

// LookupPlaceAt resolves s as LookupPlace does, and a bare 高新区 (see
// IsBareZone) as the zone of home, a city; viaHome reports that it did, so
// callers can say so. A home without a zone leaves a bare 高新区 unresolved.
func LookupPlaceAt(s string, home Place) (p Place, viaHome, ok bool) {
	if p, ok := LookupPlace(s); ok {
		return p, false, true
	}
	if !IsBareZone(s) {
		return Place{}, false, false
	}
	z, ok := ZoneOf(home)
	return z, ok, ok
}

// CorridorCities are the two ends of the Qilu Science and Technology
// Innovation Corridor: Jinan, where the universities and institutes are,
// and Zibo, whose firms and districts take part.
func CorridorCities() []string { return []string{"济南市", "淄博市"} }

// InCorridor reports whether p is one of the corridor's cities or lies in
// one (districts, counties and zones alike).
func InCorridor(p Place) bool {
	for _, c := range CorridorCities() {
		if p.City == c || p.Name == c {
			return true
		}
	}
	return false
}
