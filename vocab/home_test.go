package vocab

import (
	"slices"
	"strings"
	"testing"
)

func TestHomeCity(t *testing.T) {
	for in, want := range map[string]string{"": "淄博市", "淄博": "淄博市", "370100": "济南市", "Jinan": "济南市", "青岛市": "青岛市"} {
		if p, err := HomeCity(in); err != nil || p.Name != want {
			t.Errorf("HomeCity(%q) = %+v, %v; want %s", in, p, err, want)
		}
	}
	for _, in := range []string{"张店区", "北京", "山东省", "淄博高新区"} {
		_, err := HomeCity(in)
		if err == nil || !strings.Contains(err.Error(), "济南市、青岛市、淄博市") {
			t.Errorf("HomeCity(%q): %v; want an error listing the cities", in, err)
		}
	}
	if p, _ := HomeCity(""); p.Name != DefaultHomeCity {
		t.Errorf("the default home city is %s", p.Name)
	}
}

func TestLookupPlaceAt(t *testing.T) {
	zibo, _ := HomeCity("")
	jinan, _ := HomeCity("济南")
	qingdao, _ := HomeCity("青岛")
	tests := []struct {
		in       string
		home     Place
		want     string
		viaHome  bool
		resolved bool
	}{
		{"高新区", zibo, "淄博高新区", true, true},
		{"高新技术产业开发区", zibo, "淄博高新区", true, true},
		{" 高新区 ", jinan, "济南高新区", true, true},
		{"国家高新区", jinan, "济南高新区", true, true},
		{"济南高新区", zibo, "济南高新区", false, true},
		{"张店区", jinan, "张店区", false, true},
		{"高新区", qingdao, "", false, false},
		{"高新区", Place{}, "", false, false},
		{"淄州区", zibo, "", false, false},
	}
	for _, tt := range tests {
		p, via, ok := LookupPlaceAt(tt.in, tt.home)
		if p.Name != tt.want || via != tt.viaHome || ok != tt.resolved {
			t.Errorf("LookupPlaceAt(%q, %s) = %s %v %v; want %s %v %v", tt.in, tt.home.Name, p.Name, via, ok, tt.want, tt.viaHome, tt.resolved)
		}
	}
	if got := ZoneNames(jinan); !slices.Equal(got, []string{"济南高新区", "淄博高新区"}) {
		t.Errorf("ZoneNames(济南) = %v", got)
	}
	if got := ZoneNames(qingdao); !slices.Equal(got, []string{"济南高新区", "淄博高新区"}) {
		t.Errorf("ZoneNames(青岛) = %v", got)
	}
	if IsBareZone("淄博高新区") || IsBareZone("张店区") || !IsBareZone("Hi-tech Zone") {
		t.Error("IsBareZone: only a zone without its city is bare")
	}
}

func TestInCorridor(t *testing.T) {
	for name, want := range map[string]bool{"张店区": true, "淄博市": true, "章丘区": true, "济南市": true, "青岛市": false, "山东省": false, "淄博高新区": true} {
		p, ok := LookupPlace(name)
		if !ok || InCorridor(p) != want {
			t.Errorf("InCorridor(%s) = %v (found %v), want %v", name, InCorridor(p), ok, want)
		}
	}
}
