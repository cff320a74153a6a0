package main

import (
	"encoding/json"
	"fmt"
	"unicode/utf16"
)

// defaultScale is echarts' quantisation when a map sets no UTF8Scale:
// coordinates are stored in 1/1024 degree (about 100 m).
const defaultScale = 1024

// DecodeRing decodes one echarts-compressed ring, mirroring decodePolygon in
// echarts 4 src/coord/geo/parseGeoJson.js: each vertex is two UTF-16 code
// units, each minus 64 and zigzag-decoded into a delta from the previous
// vertex; the first delta starts at offset. The result stays quantised.
func DecodeRing(encoded string, offset [2]int64) (Ring, error) {
	// JavaScript's charCodeAt counts UTF-16 code units, not bytes or runes.
	units := utf16.Encode([]rune(encoded))
	if len(units)%2 != 0 {
		return nil, fmt.Errorf("assets/mapfix: encoded ring has odd length %d", len(units))
	}
	ring := make(Ring, 0, len(units)/2)
	x, y := offset[0], offset[1]
	for i := 0; i < len(units); i += 2 {
		x += zigzag(int64(units[i]) - 64)
		y += zigzag(int64(units[i+1]) - 64)
		ring = append(ring, Point{x, y})
	}
	return ring, nil
}

// zigzag undoes zigzag encoding: 0,1,2,3,… → 0,-1,1,-2,…
func zigzag(v int64) int64 { return (v >> 1) ^ -(v & 1) }

// decodeGeometry decodes a Polygon or MultiPolygon whose rings are encoded
// strings with matching encodeOffsets, into polygons of closed rings.
func decodeGeometry(typ string, coords, offsets json.RawMessage) ([]Polygon, error) {
	switch typ {
	case "Polygon":
		var rings []string
		var offs [][2]int64
		if err := json.Unmarshal(coords, &rings); err != nil {
			return nil, fmt.Errorf("polygon coordinates: %w", err)
		}
		if err := json.Unmarshal(offsets, &offs); err != nil {
			return nil, fmt.Errorf("polygon encodeOffsets: %w", err)
		}
		p, err := decodePolygon(rings, offs)
		if err != nil {
			return nil, err
		}
		return []Polygon{p}, nil
	case "MultiPolygon":
		var polys [][]string
		var offs [][][2]int64
		if err := json.Unmarshal(coords, &polys); err != nil {
			return nil, fmt.Errorf("multipolygon coordinates: %w", err)
		}
		if err := json.Unmarshal(offsets, &offs); err != nil {
			return nil, fmt.Errorf("multipolygon encodeOffsets: %w", err)
		}
		if len(polys) != len(offs) {
			return nil, fmt.Errorf("%d polygons but %d offset lists", len(polys), len(offs))
		}
		out := make([]Polygon, 0, len(polys))
		for i := range polys {
			p, err := decodePolygon(polys[i], offs[i])
			if err != nil {
				return nil, fmt.Errorf("polygon %d: %w", i, err)
			}
			out = append(out, p)
		}
		return out, nil
	default:
		return nil, fmt.Errorf("unsupported geometry type %q", typ)
	}
}

func decodePolygon(rings []string, offs [][2]int64) (Polygon, error) {
	if len(rings) == 0 || len(rings) != len(offs) {
		return nil, fmt.Errorf("%d rings but %d offsets", len(rings), len(offs))
	}
	p := make(Polygon, 0, len(rings))
	for i, s := range rings {
		r, err := DecodeRing(s, offs[i])
		if err != nil {
			return nil, fmt.Errorf("ring %d: %w", i, err)
		}
		p = append(p, clean(r))
	}
	return p, nil
}

// clean drops the repeated closing vertex and consecutive duplicates (the
// source has a few zero-length edges), so every edge has a direction.
func clean(r Ring) Ring {
	out := make(Ring, 0, len(r))
	for _, p := range r {
		if len(out) > 0 && out[len(out)-1] == p {
			continue
		}
		out = append(out, p)
	}
	for len(out) > 1 && out[0] == out[len(out)-1] {
		out = out[:len(out)-1]
	}
	return out
}
