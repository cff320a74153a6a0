package main

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Point is a vertex in quantised map units (degrees × scale). Working in
// integers keeps shared borders exactly equal, which the dissolve relies on.
type Point struct{ X, Y int64 }

// Ring is a closed line; the closing vertex is not repeated in memory.
type Ring []Point

// Polygon is an outer ring followed by its holes.
type Polygon []Ring

// Feature is one region of the map with its geometry decoded.
type Feature struct {
	ID         string
	Properties map[string]any
	Polygons   []Polygon
}

// Map is a decoded echarts map: its features and the quantisation scale.
type Map struct {
	Scale    float64
	Features []Feature
}

// rawCollection mirrors the object passed to echarts.registerMap in the
// echarts 4 map files, with coordinates still in their encoded form.
type rawCollection struct {
	Type         string       `json:"type"`
	Features     []rawFeature `json:"features"`
	UTF8Encoding bool         `json:"UTF8Encoding"`
	UTF8Scale    *float64     `json:"UTF8Scale"`
}

type rawFeature struct {
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	Properties map[string]any `json:"properties"`
	Geometry   struct {
		Type          string          `json:"type"`
		Coordinates   json.RawMessage `json:"coordinates"`
		EncodeOffsets json.RawMessage `json:"encodeOffsets"`
	} `json:"geometry"`
}

// extractRegistration finds `registerMap('<name>', {...})` in a map JS file
// and returns the bytes from the opening brace on; the JSON decoder stops at
// the end of the object, so the rest of the file does not matter.
func extractRegistration(js []byte, name string) ([]byte, error) {
	for _, q := range []string{"'", `"`} {
		marker := []byte("registerMap(" + q + name + q)
		i := bytes.Index(js, marker)
		if i < 0 {
			continue
		}
		j := bytes.IndexByte(js[i+len(marker):], '{')
		if j < 0 {
			break
		}
		return js[i+len(marker)+j:], nil
	}
	return nil, fmt.Errorf("assets/mapfix: no registerMap(%q, {...}) call found", name)
}

// ParseEChartsMapJS decodes the map registered as name in an echarts 4 map
// JS file (GeoJSON with UTF8Encoding-compressed coordinates).
func ParseEChartsMapJS(js []byte, name string) (*Map, error) {
	obj, err := extractRegistration(js, name)
	if err != nil {
		return nil, err
	}
	var raw rawCollection
	dec := json.NewDecoder(bytes.NewReader(obj))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("assets/mapfix: parse map %q: %w", name, err)
	}
	if raw.Type != "FeatureCollection" {
		return nil, fmt.Errorf("assets/mapfix: map %q: type %q, want FeatureCollection", name, raw.Type)
	}
	if !raw.UTF8Encoding {
		// Only the compressed form is handled: the source pinned by fetch.sh
		// uses it, and a plain input would mean the pin or upstream changed.
		return nil, fmt.Errorf("assets/mapfix: map %q is not UTF8Encoding-compressed", name)
	}
	m := &Map{Scale: defaultScale}
	if raw.UTF8Scale != nil {
		m.Scale = *raw.UTF8Scale
	}
	for _, rf := range raw.Features {
		polys, err := decodeGeometry(rf.Geometry.Type, rf.Geometry.Coordinates, rf.Geometry.EncodeOffsets)
		if err != nil {
			return nil, fmt.Errorf("assets/mapfix: feature %s %v: %w", rf.ID, rf.Properties["name"], err)
		}
		m.Features = append(m.Features, Feature{ID: rf.ID, Properties: rf.Properties, Polygons: polys})
	}
	return m, nil
}

// FeatureIndex returns the index of the feature whose properties.name is
// name, or -1.
func (m *Map) FeatureIndex(name string) int {
	for i, f := range m.Features {
		if n, _ := f.Properties["name"].(string); n == name {
			return i
		}
	}
	return -1
}
