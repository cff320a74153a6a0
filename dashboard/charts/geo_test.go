package charts

import (
	"os"
	"regexp"
	"strconv"
	"testing"
)

// TestAnchorsMatchMaps: every anchor is its region's cp in the embedded
// map file, so lines end where the map writes the region's name.
func TestAnchorsMatchMaps(t *testing.T) {
	found := map[string][2]float64{}
	for file, re := range map[string]*regexp.Regexp{
		"../assets/vendor/maps/shandong.js":            regexp.MustCompile(`"cp":\[([0-9.]+),([0-9.]+)\][^}]*"name":"([^"]+)"`),
		"../assets/vendor/maps/shan1_dong1_zi1_bo2.js": regexp.MustCompile(`name:"([^"]+)",cp:\[([0-9.]+),([0-9.]+)\]`),
	} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			name, x, y := m[1], m[2], m[3]
			if _, err := strconv.ParseFloat(name, 64); err == nil { // shandong.js: cp first
				name, x, y = m[3], m[1], m[2]
			}
			lng, _ := strconv.ParseFloat(x, 64)
			lat, _ := strconv.ParseFloat(y, 64)
			found[name] = [2]float64{lng, lat}
		}
	}
	if len(found) != 24 {
		t.Fatalf("found %d regions in the map files, want 16 cities + 8 districts: %v", len(found), found)
	}
	for name, want := range found {
		if got, ok := anchors[name]; !ok || got != want {
			t.Errorf("anchor %s = %v, map says %v", name, got, want)
		}
	}
	if len(anchors) != len(found) {
		t.Errorf("%d anchors, %d regions", len(anchors), len(found))
	}
}
