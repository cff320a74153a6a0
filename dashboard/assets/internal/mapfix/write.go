package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Decimals is how many decimal places of a degree are written. The source
// is quantised to 1/1024 degree (~0.001), so 5 places (~1 m) keep every
// vertex distinct and exact to well under the data's own resolution.
const Decimals = 5

// JS renders m as a plain (un-encoded) GeoJSON FeatureCollection wrapped in
// a script that calls echarts.registerMap(name, …) on the global echarts,
// which is what go-echarts' RegisterMapType expects under maps/. Rings are
// written closed and in RFC 7946 order (outer counter-clockwise, holes
// clockwise); comment and note end up in the file for readers and the UI.
func (m *Map) JS(name, comment string, note map[string]string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("/*\n")
	for _, line := range strings.Split(strings.TrimRight(comment, "\n"), "\n") {
		b.WriteString(" * " + strings.ReplaceAll(line, "*/", "* /") + "\n")
	}
	b.WriteString(" */\n")
	b.WriteString("(function (root) {\n")
	b.WriteString("  var echarts = root.echarts;\n")
	b.WriteString("  if (!echarts || !echarts.registerMap) {\n")
	b.WriteString("    if (root.console) root.console.error('ECharts is not loaded');\n")
	b.WriteString("    return;\n")
	b.WriteString("  }\n")
	fmt.Fprintf(&b, "  echarts.registerMap(%s, {\"type\":\"FeatureCollection\",", mustJSON(name))
	if len(note) > 0 {
		fmt.Fprintf(&b, "\"note\":%s,", mustJSON(note))
	}
	b.WriteString("\"features\":[\n")
	for i, f := range m.Features {
		if err := m.writeFeature(&b, f); err != nil {
			return nil, err
		}
		if i < len(m.Features)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]});\n")
	b.WriteString("})(typeof globalThis !== 'undefined' ? globalThis : this);\n")
	return b.Bytes(), nil
}

func (m *Map) writeFeature(b *bytes.Buffer, f Feature) error {
	props, err := marshal(f.Properties)
	if err != nil {
		return fmt.Errorf("assets/mapfix: feature %s properties: %w", f.ID, err)
	}
	fmt.Fprintf(b, "{\"type\":\"Feature\",\"id\":%s,\"properties\":%s,\"geometry\":", mustJSON(f.ID), props)
	if len(f.Polygons) == 1 {
		b.WriteString("{\"type\":\"Polygon\",\"coordinates\":")
		m.writePolygon(b, f.Polygons[0])
	} else {
		b.WriteString("{\"type\":\"MultiPolygon\",\"coordinates\":[")
		for i, p := range f.Polygons {
			if i > 0 {
				b.WriteByte(',')
			}
			m.writePolygon(b, p)
		}
		b.WriteByte(']')
	}
	b.WriteString("}}")
	return nil
}

func (m *Map) writePolygon(b *bytes.Buffer, p Polygon) {
	b.WriteByte('[')
	for i, r := range p {
		if i > 0 {
			b.WriteByte(',')
		}
		r = orient(r, i == 0)
		b.WriteByte('[')
		for k := 0; k <= len(r); k++ {
			pt := r[k%len(r)] // k == len(r) closes the ring
			if k > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('[')
			b.Write(m.coord(pt.X))
			b.WriteByte(',')
			b.Write(m.coord(pt.Y))
			b.WriteByte(']')
		}
		b.WriteByte(']')
	}
	b.WriteByte(']')
}

func (m *Map) coord(v int64) []byte {
	p := math.Pow(10, Decimals)
	return strconv.AppendFloat(nil, math.Round(float64(v)/m.Scale*p)/p, 'f', -1, 64)
}

// marshal is json.Marshal without HTML escaping, so Chinese names and the
// note stay readable; map keys come out sorted, so output is reproducible.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

func mustJSON(v any) []byte {
	b, err := marshal(v)
	if err != nil {
		panic(err) // only called with strings and string maps
	}
	return b
}
