package vocab

import (
	"strings"
	"testing"
)

func TestParseLevel(t *testing.T) {
	tests := map[string]string{
		"国家级": LevelNational, "国家": LevelNational, " 国家级 ": LevelNational, "National": LevelNational,
		"national level": LevelNational, "state-level": LevelNational,
		"省级": LevelProvincial, "省": LevelProvincial, "省部级": LevelProvincial, "Provincial": LevelProvincial,
		"province": LevelProvincial,
		"市级":       LevelMunicipal, "市": LevelMunicipal, "municipal": LevelMunicipal, "City": LevelMunicipal,
		"区县级": LevelDistrict, "区级": LevelDistrict, "县级": LevelDistrict, "县区级": LevelDistrict,
		"区（县）级": LevelDistrict, "district": LevelDistrict, "County": LevelDistrict,
		"ＮＡＴＩＯＮＡＬ": LevelNational,
	}
	for in, want := range tests {
		got, err := ParseLevel(in)
		if err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "国际级", "村级", "provincial!", "level", strings.Repeat("省", 100)} {
		_, err := ParseLevel(bad)
		if err == nil || !strings.HasPrefix(err.Error(), "vocab: ") || !strings.Contains(err.Error(), "is not a level") {
			t.Errorf("ParseLevel(%q) error = %v", bad, err)
		}
	}
}
