package vocab

import "testing"

func TestIsCountUnit(t *testing.T) {
	for u, want := range map[string]bool{
		"个": true, "项": true, "家": true, "人": true, "人次": true, "场": true, "万人": true, " 家 ": true,
		"": false, "%": false, "‰": false, "万元": false, "元": false, "吨": false, "平方米": false, "万": false,
	} {
		if got := IsCountUnit(u); got != want {
			t.Errorf("IsCountUnit(%q) = %v, want %v", u, got, want)
		}
	}
	for u, want := range map[string]bool{"万元": true, "亿元人民币": true, "10k yuan": true, "个": false, "": false} {
		if got := IsMoneyUnit(u); got != want {
			t.Errorf("IsMoneyUnit(%q) = %v, want %v", u, got, want)
		}
	}
}
