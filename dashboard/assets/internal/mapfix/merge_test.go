package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func parseTestdata(t *testing.T) *Map {
	t.Helper()
	src, err := os.ReadFile("testdata/shandong-echarts-4.9.0.js")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseEChartsMapJS(src, mapName)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func square(x, y, size int64) Ring {
	return Ring{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}}
}

// Two unit squares side by side dissolve into one rectangle.
func TestDissolveSquares(t *testing.T) {
	a := []Polygon{{square(0, 0, 10)}}
	b := []Polygon{{reversed(square(10, 0, 10))}} // orientation must not matter
	got, shared, err := dissolve(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if shared != 1 || len(got) != 1 || len(got[0]) != 1 {
		t.Fatalf("shared %d, polygons %v", shared, got)
	}
	if area2(got[0][0]) != 2*200 {
		t.Fatalf("area2 = %d, want 400", area2(got[0][0]))
	}
	// The shared edge's end points stay (collinear vertices are kept).
	if len(got[0][0]) != 6 {
		t.Fatalf("ring %v", got[0][0])
	}
}

func TestDissolveDisjointFails(t *testing.T) {
	if _, _, err := dissolve([]Polygon{{square(0, 0, 1)}}, []Polygon{{square(5, 5, 1)}}); err == nil {
		t.Fatal("disjoint polygons dissolved")
	}
}

// A ring around a square: dissolving must leave the outer ring only.
func TestDissolveFillsHole(t *testing.T) {
	outer := Polygon{square(0, 0, 30), reversed(square(10, 10, 10))}
	inner := Polygon{square(10, 10, 10)}
	got, _, err := dissolve([]Polygon{outer}, []Polygon{inner})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0]) != 1 || area2(got[0][0]) != 2*900 {
		t.Fatalf("got %v", got)
	}
}

func TestMergeShandong(t *testing.T) {
	m := parseTestdata(t)
	before := featureArea2(m.Features[m.FeatureIndex("济南市")].Polygons)
	laiwu := featureArea2(m.Features[m.FeatureIndex("莱芜市")].Polygons)
	zibo := m.Features[m.FeatureIndex("淄博市")].Polygons
	res, err := m.Merge("莱芜市", "济南市")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Dissolved {
		t.Fatalf("border not dissolved: %v", res.DissolveErr)
	}
	if m.FeatureIndex("莱芜市") >= 0 || len(m.Features) != 16 {
		t.Fatalf("莱芜市 still present or features lost: %d features", len(m.Features))
	}
	jinan := m.Features[m.FeatureIndex("济南市")]
	after := featureArea2(jinan.Polygons)
	if after != before+laiwu || after <= before {
		t.Fatalf("济南 area2 %d → %d, 莱芜 %d", before, after, laiwu)
	}
	if res.SharedEdges < 50 || len(jinan.Polygons) != 1 || len(jinan.Polygons[0]) != 1 {
		t.Fatalf("shared edges %d, polygons %d", res.SharedEdges, len(jinan.Polygons))
	}
	if !isSimple(jinan.Polygons[0][0]) {
		t.Fatal("merged outline crosses itself")
	}
	// Neighbours keep their geometry, so borders still meet exactly.
	if got := m.Features[m.FeatureIndex("淄博市")].Polygons; len(got) != len(zibo) || len(got[0][0]) != len(zibo[0][0]) {
		t.Fatal("淄博 geometry changed")
	}
}

// The generated script is valid GeoJSON inside registerMap('山东', …).
func TestFixOutput(t *testing.T) {
	src, err := os.ReadFile("testdata/shandong-echarts-4.9.0.js")
	if err != nil {
		t.Fatal(err)
	}
	js, _, err := Fix(src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js, []byte(`echarts.registerMap("山东", {`)) {
		t.Fatal("no registerMap call")
	}
	obj, err := extractRegistration(js, mapName)
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string
		Features []struct {
			ID         string
			Properties map[string]any
			Geometry   struct {
				Type        string
				Coordinates json.RawMessage
			}
		}
	}
	if err := json.NewDecoder(bytes.NewReader(obj)).Decode(&fc); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range fc.Features {
		names[f.Properties["name"].(string)] = true
		if f.Geometry.Type == "Polygon" {
			var rings [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &rings); err != nil {
				t.Fatalf("%s: %v", f.ID, err)
			}
			if r := rings[0]; r[0] != r[len(r)-1] {
				t.Fatalf("%s: ring not closed", f.ID)
			}
		}
	}
	if names["莱芜市"] || !names["济南市"] || len(names) != 16 {
		t.Fatalf("cities: %v", names)
	}
	if !strings.Contains(string(js), "莱芜已并入济南") {
		t.Fatal("notice missing")
	}
	again, _, _ := Fix(src)
	if !bytes.Equal(js, again) {
		t.Fatal("output not reproducible")
	}
}
