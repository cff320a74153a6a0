package vocab

import (
	"strings"
	"sync"
)

// institutionSeats are the seats of the organisations in defaultAliases,
// by canonical name.
var institutionSeats = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, org := range defaultAliases {
		if org.seat != "" {
			m[org.names[0]] = org.seat
		}
	}
	return m
})

// seatAliases are the default aliases, built once and only read after:
// InstitutionCity is called for every partner of every tie.
var seatAliases = sync.OnceValue(DefaultAliases)

// provincialCapital is where the province's own bodies (山东省科学技术厅,
// 山东省人民政府) sit.
const provincialCapital = "济南市"

// InstitutionCity returns the prefecture city (济南市) where the institution
// called name has its seat: from the table of known partners (any alias of
// them), else from the first city or district its name contains (淄博市科技局,
// 张店区人民政府, 青岛科技大学 → 青岛市), else, for a name that says only
// 山东 (a provincial body), the provincial capital.
// ok is false when the name says nothing of a place.
func InstitutionCity(name string) (city string, ok bool) {
	name = strings.TrimSpace(name)
	if canon, known := seatAliases().Canonical(name); known {
		name = canon
	}
	if c, found := institutionSeats()[name]; found {
		return c, true
	}
	province := false
	for _, w := range placeWordsAll(name) {
		p, found := LookupPlace(w)
		switch {
		case !found:
		case p.Level == LevelProvince:
			province = true // 山东大学淄博…研究院 is in Zibo: a city named later wins
		case p.City != "":
			return p.City, true
		}
	}
	if province {
		return provincialCapital, true
	}
	return "", false
}

// placeWordsAll is PlaceNamesIn without its rule for school names: in an
// institution's own name, 青岛 of 青岛科技大学 is where it is.
func placeWordsAll(s string) []string {
	var out []string
	eachPlaceWord(s, func(w, _ string) { out = append(out, w) })
	return out
}
