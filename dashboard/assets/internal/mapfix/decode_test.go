package main

import (
	"reflect"
	"testing"
)

// Golden values from echarts 4.9.0's own decodePolygon (run in node) on a
// string that includes '¢' (U+00A2), whose UTF-8 form is two bytes but
// which JavaScript counts as one code unit.
func TestDecodeRingMatchesECharts(t *testing.T) {
	got, err := DecodeRing("@@¢`FMV_\\E", [2]int64{118658, 36728})
	if err != nil {
		t.Fatal(err)
	}
	want := Ring{{118658, 36728}, {118707, 36744}, {118710, 36737}, {118721, 36721}, {118735, 36718}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("DecodeRing = %v, want %v", got, want)
	}
	// In degrees: 118707/1024 = 115.9248046875, as echarts printed.
	if d := float64(got[1].X) / defaultScale; d != 115.9248046875 {
		t.Fatalf("x in degrees = %v", d)
	}
}

func TestDecodeRingOddLength(t *testing.T) {
	if _, err := DecodeRing("@@A", [2]int64{0, 0}); err == nil {
		t.Fatal("odd-length ring decoded without error")
	}
}

func TestZigzag(t *testing.T) {
	for in, want := range map[int64]int64{0: 0, 1: -1, 2: 1, 3: -2, 4: 2, 98: 49} {
		if got := zigzag(in); got != want {
			t.Errorf("zigzag(%d) = %d, want %d", in, got, want)
		}
	}
}

func TestParseShandong(t *testing.T) {
	m := parseTestdata(t)
	if len(m.Features) != 17 {
		t.Fatalf("%d features, want 17 cities (莱芜 included, as in 2018)", len(m.Features))
	}
	jinan := m.Features[m.FeatureIndex("济南市")]
	// First vertex and ring length as decoded by echarts 4.9.0 in node:
	// 1079 points including the closing one, starting at [117.2734375, 37.533203125].
	r := jinan.Polygons[0][0]
	if r[0] != (Point{120088, 38434}) {
		t.Fatalf("济南 first vertex %v", r[0])
	}
	if len(r) != 1079-1-1 { // minus closing vertex and one zero-length edge
		t.Fatalf("济南 ring has %d distinct vertices", len(r))
	}
	if qd := m.Features[m.FeatureIndex("青岛市")]; len(qd.Polygons) != 47 {
		t.Fatalf("青岛 has %d polygons, want 47", len(qd.Polygons))
	}
}
