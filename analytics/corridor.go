package analytics

import (
	"context"
	"sort"
	"time"

	"github.com/zibo-kj/corridor/vocab"
)

// CorridorFlow is what one partner city brings to one home district: the
// joint platforms hosted, joint projects led and funding received there
// with partners seated in that city. A record counts once for each city
// among its partners: a platform with two Jinan partners is one for Jinan.
type CorridorFlow struct {
	From      string  `json:"from"`      // the partners' city, 济南市
	To        string  `json:"to"`        // the home district, 张店区; the home city's name for its zone or city-wide records
	ToCode    string  `json:"to_code"`   // its area code
	Platforms int     `json:"platforms"` // joint platforms
	Projects  int     `json:"projects"`  // joint projects
	Funding   float64 `json:"funding"`   // yuan paid by the city's bodies
	Approx    bool    `json:"approx,omitempty"`
}

// Corridor is the corridor's flows under a filter: partner city → home
// district, heaviest first.
type Corridor struct {
	Home  string         `json:"home"` // the home city, 淄博市
	Flows []CorridorFlow `json:"flows"`
	// Unplaced names the partners whose city is not known: their ties are
	// in no flow (the map says so rather than drop them silently).
	Unplaced []string `json:"unplaced,omitempty"`
}

// Corridor groups the joint platforms and projects by their partners'
// cities and funding by its payer's, each by the district of the record.
// Partners and payers in the home city are not corridor flows and are left
// out; a record without a host or lead still counts.
func (s *Service) Corridor(ctx context.Context, f Filter) (*Corridor, error) {
	gran := factGrain(f)
	all, err := readFacts(ctx, s, "corridor by "+gran, f, func() (string, []any) { return corridorFactsSQL(gran, f) }, func(x *corridorFact) { x.At = x.At.UTC() })
	if err != nil {
		return nil, err
	}
	home, err := vocab.HomeCity("")
	if err != nil {
		return nil, err
	}
	pl := placesOf(f)
	flows := map[[2]string]*CorridorFlow{}
	unplaced := map[string]bool{}
	type seatOf struct {
		city string
		ok   bool
	}
	seats := map[string]seatOf{} // each partner looked up once
	for _, r := range all {
		if !pl.keep(r.Place) || !(fact{At: r.At, G: r.G}).within(f.From, f.To) {
			continue
		}
		to, code, ok := homeDistrict(r.Place, home)
		if !ok {
			continue
		}
		cities := map[string]bool{} // a record counts once for each city of its partners
		for _, name := range r.Ps {
			seat, seen := seats[name]
			if !seen {
				seat.city, seat.ok = vocab.InstitutionCity(name)
				seats[name] = seat
			}
			switch {
			case name == "":
			case !seat.ok:
				unplaced[name] = true
			case seat.city != home.Name:
				cities[seat.city] = true
			}
		}
		for from := range cities {
			fl := flows[[2]string{from, code}]
			if fl == nil {
				fl = &CorridorFlow{From: from, To: to, ToCode: code}
				flows[[2]string{from, code}] = fl
			}
			fl.Approx = fl.Approx || r.A > 0
			switch r.T {
			case "platforms_current":
				fl.Platforms += int(r.V)
			case "projects_current":
				fl.Projects += int(r.V)
			default:
				fl.Funding += r.V
			}
		}
	}
	out := &Corridor{Home: home.Name, Flows: []CorridorFlow{}}
	for _, fl := range flows {
		out.Flows = append(out.Flows, *fl)
	}
	sort.Slice(out.Flows, func(i, j int) bool {
		a, b := out.Flows[i], out.Flows[j]
		if wa, wb := a.Platforms+a.Projects, b.Platforms+b.Projects; wa != wb {
			return wa > wb
		}
		if a.Funding != b.Funding {
			return a.Funding > b.Funding
		}
		return a.From+a.ToCode < b.From+b.ToCode
	})
	for name := range unplaced {
		out.Unplaced = append(out.Unplaced, name)
	}
	sort.Strings(out.Unplaced)
	return out, nil
}

// corridorFact is the count or sum of the records with one set of partners
// (or one payer) in one time cell and place.
type corridorFact struct {
	T     string    `ch:"t"`
	Ps    []string  `ch:"ps"`
	At    time.Time `ch:"at"`
	Place string    `ch:"place"`
	G     string    `ch:"g"`
	V     float64   `ch:"v"`
	A     uint8     `ch:"a"`
}

// homeDistrict names the place of a record on the home side: a district of
// the home city, or the city itself for its zone and city-wide records;
// ok is false for a place elsewhere.
func homeDistrict(code string, home vocab.Place) (name, placeCode string, ok bool) {
	p, found := vocab.LookupPlace(code)
	if !found || p.City != home.Name {
		return "", "", false
	}
	if p.Level == vocab.LevelDistrict {
		return p.Name, p.Code, true
	}
	return home.Name, home.Code, true
}
