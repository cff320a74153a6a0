package ingest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

// place picks the place of a sheet that has no district column: the
// --district option when given (override, a name or a code); else the one
// district or zone the context names, the first source in order of
// precedence (title, 填报单位, sheet name, file name) saying it; else the
// one city it names. Two different districts are an error naming both and
// the option that chooses; several cities and no district give no place.
func (c sheetContext) place(override string) (ctxPlace, bool, error) {
	if strings.TrimSpace(override) != "" {
		p, viaHome, ok := vocab.LookupPlaceAt(override, c.home)
		if !ok {
			return ctxPlace{}, false, unknownPlace(override, c.home)
		}
		return ctxPlace{src: fromFlag, written: override, place: p, viaHome: viaHome}, true, nil
	}
	if len(c.bare) > 0 {
		b := c.bare[0]
		return ctxPlace{}, false, fmt.Errorf("%s写“%s”，但家乡城市%s没有高新区：请写明%s，或用 --district 指定 (%s says %s, and the home city %s has no high-tech zone: write %s, or choose with --district)",
			b.src.zh(), b.written, c.home.Name, zoneChoices(c.home, "或"), b.src.en(), b.written, c.home.Name, zoneChoices(c.home, " or "))
	}
	var pick *ctxPlace
	for i, p := range c.places {
		if p.place.Level == vocab.LevelCity {
			continue
		}
		if pick == nil {
			pick = &c.places[i]
		} else if p.place.Code != pick.place.Code {
			return ctxPlace{}, false, fmt.Errorf("表中没有区县列，而%s写%s、%s写%s，无法确定区县：请用 --district %s 或 --district %s 指定 (the sheet has no district column, and %s says %s while %s says %s: choose one with --district)",
				pick.src.zh(), pick.written, p.src.zh(), p.written, pick.place.Name, p.place.Name, pick.src.en(), pick.written, p.src.en(), p.written)
		}
	}
	if pick != nil {
		return *pick, true, nil
	}
	var city *ctxPlace
	for i, p := range c.places {
		if city == nil {
			city = &c.places[i]
		} else if p.place.Code != city.place.Code {
			return ctxPlace{}, false, nil // 济南—淄博…: no one place for the rows
		}
	}
	if city == nil {
		return ctxPlace{}, false, nil
	}
	return *city, true, nil
}

// unit is the unit stated above the table (单位：万元, or （单位：万元） in the
// title), if any; two different ones are an error naming both.
func (c sheetContext) unit() (ctxUnit, error) {
	if len(c.units) == 0 {
		return ctxUnit{}, nil
	}
	first := c.units[0]
	for _, u := range c.units[1:] {
		if u.unit != first.unit {
			return ctxUnit{}, fmt.Errorf("表上方的单位不一致：“%s”与“%s”：请只保留一个，或把单位写进表头（如“金额（万元）”）(the lines above the table state two units, %q and %q: keep one, or put the unit in the headers, e.g. 金额（万元）)",
				first.written, u.written, first.written, u.written)
		}
	}
	return first, nil
}

// year is the one year the title names, 0 if none; several years are an
// error, since it could not tell which one a period column is in.
func (c sheetContext) year() (int, error) {
	switch len(c.years) {
	case 0:
		return 0, nil
	case 1:
		return c.years[0], nil
	}
	ys := make([]string, len(c.years))
	for i, y := range c.years {
		ys[i] = strconv.Itoa(y) + "年"
	}
	return 0, fmt.Errorf("标题中有多个年份（%s），无法确定按列的时期属于哪一年：请把年份写进表头（如“2023年一季度”）(the title names several years, %s: put the year in the period headers, e.g. 2023年一季度)",
		strings.Join(ys, "、"), strings.Join(ys, ", "))
}

// zoneChoices lists the zones a bare 高新区 could mean: 淄博高新区或济南高新区.
func zoneChoices(home vocab.Place, or string) string {
	zs := vocab.ZoneNames(home)
	if len(zs) < 2 {
		return strings.Join(zs, or)
	}
	return strings.Join(zs[:len(zs)-1], "、") + or + zs[len(zs)-1]
}
