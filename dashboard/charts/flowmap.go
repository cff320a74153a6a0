package charts

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"sort"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/vocab"
)

// Flow measures: what a corridor line's width stands for.
const (
	MeasurePlatforms = "platforms"
	MeasureProjects  = "projects"
	MeasureFunding   = "funding"
)

// FlowMeasures lists the measures in the order pickers offer them.
var FlowMeasures = []string{MeasurePlatforms, MeasureProjects, MeasureFunding}

// FlowStyle is how the corridor map looks where it is shown.
type FlowStyle struct {
	Wall bool // the wall screen: dark, animated effect on the lines, larger type
}

// Colours of the corridor's two ends: the partners' cities and the home
// districts (both the points and the regions' shades).
const (
	partnerColour = "#e8743b"
	homeColour    = "#0b5cad"
	wallHome      = "#3fa7ff"
)

// measureValue is one flow's value of a measure.
func measureValue(fl analytics.CorridorFlow, measure string) float64 {
	switch measure {
	case MeasureProjects:
		return float64(fl.Projects)
	case MeasureFunding:
		return fl.Funding
	}
	return float64(fl.Platforms)
}

// MeasureName is a measure's name and unit for legends and pickers.
func MeasureName(measure, lang string) (name, unit string) {
	switch measure {
	case MeasureProjects:
		return i18n.T(lang, "wall_scene_projects"), "项"
	case MeasureFunding:
		return i18n.T(lang, "col_funding"), "元"
	}
	return i18n.T(lang, "wall_scene_platforms"), "个"
}

// FlowMap draws the corridor on the Shandong map: a line from each partner
// city to each home district it works with, as wide as the measure (one
// measure: platforms, projects or funding), the partner cities and the
// home districts as points of their own colours, and every city with a
// value shaded (partners by what they send, the home city by what it
// receives). On the wall the lines carry a moving effect; on a desk they
// are still.
func FlowMap(id, title string, c *analytics.Corridor, measure string, st FlowStyle, lang string) (Chart, error) {
	name, unit := MeasureName(measure, lang)
	ch := Chart{ID: id, Title: title, Height: 560, Maps: []string{"山东"}, Wide: true}
	var flows []analytics.CorridorFlow
	maxV := 0.0
	if c != nil {
		for _, fl := range c.Flows {
			if v := measureValue(fl, measure); v > 0 {
				if _, ok := anchors[fl.From]; !ok {
					continue
				}
				if _, ok := anchors[fl.To]; !ok {
					continue
				}
				flows = append(flows, fl)
				maxV = max(maxV, v)
			}
		}
	}
	div, unitLabel := vocab.ScaleFor(maxV, unit, lang)
	legendName := name
	if unitLabel != "" {
		legendName += "（" + unitLabel + "）"
		if lang == "en" {
			legendName = name + " (" + unitLabel + ")"
		}
	}
	ch.Note = i18n.F(lang, "ch_flow_width_note", name)
	ch.Note += i18n.T(lang, "map_notice")
	if c != nil && len(c.Unplaced) > 0 {
		ch.Note += i18n.F(lang, "ch_unplaced_partners", len(c.Unplaced))
	}
	if len(flows) == 0 {
		ch.Empty = true
		return ch, nil
	}
	fmtV := func(v float64) string { return vocab.FormatNumber(v, unit, lang) }
	home := c.Home
	sent, received := map[string]float64{}, map[string]float64{}
	var lines []map[string]any
	for _, fl := range flows {
		v := measureValue(fl, measure)
		sent[fl.From] += v
		received[fl.To] += v
		a, b := anchors[fl.From], anchors[fl.To]
		lines = append(lines, map[string]any{
			"fromName": fl.From, "toName": fl.To, "value": round2(v / div),
			"coords":    [][2]float64{a, b},
			"lineStyle": map[string]any{"width": round2(1.5 + 9*math.Sqrt(v/maxV))},
			"tooltip": map[string]any{"formatter": html.EscapeString(fl.From+" → "+fl.To) + "<br>" +
				html.EscapeString(name) + " " + html.EscapeString(fmtV(v)) + approxMark(fl.Approx, lang)},
		})
	}
	point := func(place string, v float64, side string) map[string]any {
		a := anchors[place]
		size := 8 + 14*math.Sqrt(v/max(maxV, 1e-9)/float64(max(len(flows), 1)))
		p := map[string]any{"name": place, "value": []float64{a[0], a[1], round2(v / div)}, "symbolSize": round2(min(size, 24)),
			"tooltip": map[string]any{"formatter": html.EscapeString(place) + "<br>" + html.EscapeString(name) + " " + html.EscapeString(fmtV(v)) + side}}
		if pos, ok := labelSides[place]; ok {
			p["label"] = map[string]any{"position": pos}
		}
		return p
	}
	var fromPts, toPts []map[string]any
	for _, k := range sortedKeys(sent) {
		fromPts = append(fromPts, point(k, sent[k], i18n.T(lang, "ch_sent")))
	}
	for _, k := range sortedKeys(received) {
		toPts = append(toPts, point(k, received[k], i18n.T(lang, "ch_received_2")))
	}
	text, dim, area, border := "#1f2329", "#5c6370", "#f2f4f7", "#c9ced6"
	homeC := homeColour
	if st.Wall {
		text, dim, area, border, homeC = "#e6edf7", "#9fb0c8", "#13284a", "#2f4f7f", wallHome
	}
	fromName := i18n.T(lang, "ch_partner_cities")
	toName := i18n.T(lang, "ch_zibo_districts")
	if home != vocab.DefaultHomeCity {
		toName = i18n.F(lang, "ch_home_districts", home)
	}
	font := 12
	if st.Wall {
		font = 14
	}
	label := func(pos string) map[string]any {
		return map[string]any{"show": true, "position": pos, "formatter": "{b}", "fontSize": font, "color": text,
			"textBorderColor": area, "textBorderWidth": 2}
	}
	lineColour := partnerColour
	if st.Wall {
		lineColour = "#ffa94d"
	}
	linesSeries := map[string]any{
		"type": "lines", "name": legendName, "coordinateSystem": "geo", "zlevel": 1, "data": lines,
		"lineStyle": map[string]any{"color": lineColour, "opacity": 0.8, "curveness": 0.25},
		"emphasis":  map[string]any{"lineStyle": map[string]any{"opacity": 1}},
		"effect":    map[string]any{"show": false},
	}
	if st.Wall {
		linesSeries["effect"] = map[string]any{"show": true, "period": 4, "trailLength": 0.25, "symbol": "arrow", "symbolSize": 7, "color": "#ffd27a"}
	}
	scatter := func(seriesName, colour string, data []map[string]any, pos string) map[string]any {
		typ := "scatter"
		s := map[string]any{"type": typ, "name": seriesName, "coordinateSystem": "geo", "zlevel": 2, "data": data,
			"itemStyle": map[string]any{"color": colour, "borderColor": "#fff", "borderWidth": 1},
			"label":     label(pos), "labelLayout": map[string]any{"hideOverlap": true}, "encode": map[string]any{"value": 2}}
		if st.Wall {
			s["type"] = "effectScatter"
			s["rippleEffect"] = map[string]any{"brushType": "stroke", "scale": 3}
		}
		return s
	}
	opt := map[string]any{
		"color":     []string{lineColour, partnerColour, homeC},
		"textStyle": map[string]any{"fontFamily": fontStack, "color": text},
		"animation": st.Wall, "animationDuration": 300,
		"tooltip": map[string]any{"show": true, "trigger": "item"},
		"legend": map[string]any{"show": true, "top": 4, "left": "center", "textStyle": map[string]any{"color": text, "fontSize": font},
			"backgroundColor": area, "padding": 6, "borderRadius": 4, "z": 10,
			"data": []string{legendName, fromName, toName}},
		"geo": map[string]any{"map": "山东", "roam": false, "boundingCoords": bounds(flows),
			"top": 44, "bottom": 8, "left": 8, "right": 8,
			"itemStyle": map[string]any{"areaColor": area, "borderColor": border, "borderWidth": 1},
			"label":     map[string]any{"show": true, "color": dim, "fontSize": font - 2},
			"emphasis":  map[string]any{"disabled": true},
			"silent":    true,
			"regions":   regions(sent, home, st.Wall),
		},
		"series": []any{
			linesSeries,
			scatter(fromName, partnerColour, fromPts, "top"),
			scatter(toName, homeC, toPts, "bottom"),
		},
	}
	if !st.Wall {
		opt["toolbox"] = toolbox()
		// A phone: the legend below the 示例数据 mark in smaller type, the
		// map below the legend.
		opt["media"] = []any{map[string]any{"query": map[string]any{"maxWidth": 520}, "option": map[string]any{
			"legend": map[string]any{"top": 22, "itemGap": 6, "itemWidth": 14, "textStyle": map[string]any{"fontSize": 10}},
			"geo":    map[string]any{"top": 52},
		}}}
	}
	b, err := json.Marshal(opt)
	if err != nil {
		return ch, fmt.Errorf("charts: flow map: %w", err)
	}
	ch.Option = string(b)
	return ch, nil
}

// approxMark is a tooltip's note that a figure includes approximate ones.
func approxMark(approx bool, lang string) string {
	if !approx {
		return ""
	}
	return i18n.T(lang, "ch_includes_approximate_figures")
}

// regions shades every city with a value: the partner cities in the
// partners' colour, deeper as they send more, the home city in its own.
func regions(sent map[string]float64, home string, wall bool) []map[string]any {
	lo, hi, homeArea := [3]float64{0xfd, 0xee, 0xe3}, [3]float64{0xf6, 0xc7, 0xa1}, "#d5e6f7"
	if wall {
		lo, hi, homeArea = [3]float64{0x3b, 0x2d, 0x2a}, [3]float64{0x7a, 0x4a, 0x2c}, "#1d4f86"
	}
	top := 0.0
	for _, v := range sent {
		top = max(top, v)
	}
	// The cities' own names give way to their points' labels.
	quiet := map[string]any{"show": false}
	out := []map[string]any{{"name": home, "itemStyle": map[string]any{"areaColor": homeArea}, "label": quiet}}
	for _, k := range sortedKeys(sent) {
		t := math.Sqrt(sent[k] / top)
		c := fmt.Sprintf("#%02x%02x%02x", int(lo[0]+t*(hi[0]-lo[0])), int(lo[1]+t*(hi[1]-lo[1])), int(lo[2]+t*(hi[2]-lo[2])))
		out = append(out, map[string]any{"name": k, "itemStyle": map[string]any{"areaColor": c}, "label": quiet})
	}
	return out
}

// bounds is the part of Shandong the corridor map shows: every end of a
// line with a margin, at least Jinan to Zibo, so the lines are long enough
// to read and the districts' names have room.
func bounds(flows []analytics.CorridorFlow) [][2]float64 {
	minX, minY, maxX, maxY := 116.4, 36.0, 118.7, 37.3
	for _, fl := range flows {
		for _, p := range []string{fl.From, fl.To} {
			a := anchors[p]
			minX, maxX = min(minX, a[0]-0.5), max(maxX, a[0]+0.5)
			minY, maxY = min(minY, a[1]-0.4), max(maxY, a[1]+0.4)
		}
	}
	return [][2]float64{{minX, maxY}, {maxX, minY}}
}

func sortedKeys(m map[string]float64) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
