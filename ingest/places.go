package ingest

import (
	"fmt"
	"sync/atomic"

	"github.com/zibo-kj/corridor/vocab"
)

// placeRules resolves the places of one load: names and area codes alike,
// and a bare 高新区 as the home city's zone, remembering that it did so the
// report can say so. Validators on several workers share one.
type placeRules struct {
	home    vocab.Place
	viaHome atomic.Bool
}

// code is the area code of a district cell, or why it has none; the
// message leaves the value out, since the row error quotes it.
func (r *placeRules) code(raw string) (string, error) {
	p, viaHome, ok := vocab.LookupPlaceAt(raw, r.home)
	if ok {
		if viaHome {
			r.viaHome.Store(true)
		}
		return p.Code, nil
	}
	if vocab.IsBareZone(raw) {
		return "", fmt.Errorf("names no city: write %s (未写明城市：请写%s)", zoneChoices(r.home, " or "), zoneChoices(r.home, "或"))
	}
	if s := vocab.SuggestPlace(raw); s != "" {
		return "", fmt.Errorf("is not a known district; did you mean %s? (不是已知区县，是否为%s？)", s, s)
	}
	return "", fmt.Errorf("is not a known district, city or area code (不是已知区县、城市或区划代码)")
}

// notes says how a bare 高新区 was read, if it was.
func (r *placeRules) notes() []Note {
	if !r.viaHome.Load() {
		return nil
	}
	return []Note{zoneNote(r.home)}
}

// zoneNote: 高新区按淄博高新区（370300-GX）处理.
func zoneNote(home vocab.Place) Note {
	z, _ := vocab.ZoneOf(home)
	return Note{
		ZH: fmt.Sprintf("高新区按%s（%s）处理", z.Name, z.Code),
		EN: fmt.Sprintf("高新区 read as %s (%s), the home city's zone; --home-city changes the home city", z.Name, z.Code),
	}
}

// unknownPlace is the error for a place given outside the cells (an
// option, a sheet's context) that names nothing known.
func unknownPlace(s string, home vocab.Place) error {
	if vocab.IsBareZone(s) {
		return fmt.Errorf("“%s”未写明城市：请写%s (%q names no city: write %s)", s, zoneChoices(home, "或"), s, zoneChoices(home, " or "))
	}
	if sug := vocab.SuggestPlace(s); sug != "" {
		return fmt.Errorf("“%s”不是已知区县，是否为%s？(%q is not a known district; did you mean %s?)", s, sug, s, sug)
	}
	return fmt.Errorf("“%s”不是已知区县、城市或区划代码（如 370302）(%q is not a known district, city or area code such as 370302)", s, s)
}
