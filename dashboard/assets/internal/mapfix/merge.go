package main

import (
	"errors"
	"fmt"
	"sort"
)

// MergeResult says what Merge did, for the log and the tests.
type MergeResult struct {
	Dissolved      bool  // shared border removed (else polygons only grouped)
	SharedEdges    int   // edges the two features had in common
	PolygonsBefore int   // polygons of the target before the merge
	PolygonsAfter  int   // polygons of the target after the merge
	Area2Before    int64 // twice the target's area before (quantised units²)
	Area2After     int64 // twice the target's area after
	Area2Absorbed  int64 // twice the absorbed feature's area
	DissolveErr    error // why the border was kept, when Dissolved is false
}

// Merge moves the geometry of feature from into feature into and removes
// from. It first tries to dissolve their shared border into one outline;
// if the data does not allow that cleanly it keeps both outlines as a
// MultiPolygon, which draws the old border as an inner line but covers
// exactly the same area.
func (m *Map) Merge(from, into string) (MergeResult, error) {
	fi, ti := m.FeatureIndex(from), m.FeatureIndex(into)
	if fi < 0 || ti < 0 {
		return MergeResult{}, fmt.Errorf("assets/mapfix: merge %s into %s: feature missing (from %d, into %d)", from, into, fi, ti)
	}
	src, dst := m.Features[fi], &m.Features[ti]
	res := MergeResult{
		PolygonsBefore: len(dst.Polygons),
		Area2Before:    featureArea2(dst.Polygons),
		Area2Absorbed:  featureArea2(src.Polygons),
	}
	merged, shared, err := dissolve(dst.Polygons, src.Polygons)
	res.SharedEdges = shared
	if err == nil {
		res.Dissolved = true
	} else {
		res.DissolveErr = err
		merged = append(append([]Polygon{}, dst.Polygons...), src.Polygons...)
	}
	dst.Polygons = merged
	m.Features = append(m.Features[:fi:fi], m.Features[fi+1:]...)
	res.PolygonsAfter = len(merged)
	res.Area2After = featureArea2(merged)
	if res.Area2After != res.Area2Before+res.Area2Absorbed {
		return res, fmt.Errorf("assets/mapfix: merge %s into %s changed the area: %d + %d != %d",
			from, into, res.Area2Before, res.Area2Absorbed, res.Area2After)
	}
	return res, nil
}

type edge struct{ a, b Point }

// dissolve unions two sets of polygons that meet along shared edges (the
// same vertices in opposite order, as in topologically built data). With
// all outer rings counter-clockwise and holes clockwise, an edge the two
// sides share appears once in each direction; dropping such pairs and
// chaining the remaining edges yields the union's rings. Anything
// ambiguous (pinch vertices, overlaps, self-crossing output) is an error so
// that the caller falls back to grouping the polygons.
func dissolve(a, b []Polygon) ([]Polygon, int, error) {
	out := make(map[Point][]edge)
	count := make(map[edge]int)
	var order []edge // insertion order keeps the output deterministic
	add := func(polys []Polygon) {
		for _, p := range polys {
			for i, r := range p {
				r = orient(r, i == 0)
				for k := range r {
					e := edge{r[k], r[(k+1)%len(r)]}
					count[e]++
					order = append(order, e)
				}
			}
		}
	}
	add(a)
	add(b)
	shared := 0
	for _, e := range order {
		if count[e] > 1 {
			return nil, 0, fmt.Errorf("assets/mapfix: edge %v repeated in the same direction (overlap)", e)
		}
		if count[edge{e.b, e.a}] > 0 {
			shared++
			continue
		}
		out[e.a] = append(out[e.a], e)
	}
	shared /= 2
	if shared == 0 {
		return nil, 0, errors.New("assets/mapfix: features share no edge")
	}
	var rings []Ring
	used := make(map[edge]bool)
	for _, start := range order {
		if used[start] || count[edge{start.b, start.a}] > 0 {
			continue
		}
		var r Ring
		e := start
		for !used[e] {
			used[e] = true
			r = append(r, e.a)
			next := out[e.b]
			if len(next) != 1 {
				return nil, shared, fmt.Errorf("assets/mapfix: vertex %v has %d outgoing edges", e.b, len(next))
			}
			e = next[0]
		}
		if e != start {
			return nil, shared, fmt.Errorf("assets/mapfix: chain from %v did not close", start.a)
		}
		if !isSimple(r) {
			return nil, shared, fmt.Errorf("assets/mapfix: dissolved ring at %v crosses itself", start.a)
		}
		rings = append(rings, r)
	}
	return assemble(rings), shared, nil
}

// assemble groups rings into polygons: counter-clockwise rings are outer
// rings, clockwise ones are holes of the smallest outer ring around them.
func assemble(rings []Ring) []Polygon {
	var polys []Polygon
	var holes []Ring
	for _, r := range rings {
		if area2(r) > 0 {
			polys = append(polys, Polygon{r})
		} else {
			holes = append(holes, r)
		}
	}
	// Largest first, as the source files list a city's main body first.
	sort.SliceStable(polys, func(i, j int) bool { return area2(polys[i][0]) > area2(polys[j][0]) })
	for _, h := range holes {
		best := -1
		for i, p := range polys {
			if containsPoint(p[0], h[0]) && (best < 0 || area2(p[0]) < area2(polys[best][0])) {
				best = i
			}
		}
		if best >= 0 {
			polys[best] = append(polys[best], h)
		}
	}
	return polys
}
