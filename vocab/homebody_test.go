package vocab

import "testing"

func TestIsHomeBody(t *testing.T) {
	home, err := HomeCity("")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"淄博市人民政府": true, "淄博市财政局": true, "淄博市科学技术局": true, "张店区科技局": true, "淄川区人民政府": true,
		"淄博高新区管委会": true, "淄博市人民政府办公室": true,
		"山东大学": false, "济南市科学技术局": false, "淄博矿业集团有限责任公司": false, "淄博市第一医院": false,
		"齐鲁工业大学（山东省科学院）": false, "中国科学院过程工程研究所": false,
	} {
		if got := IsHomeBody(name, home); got != want {
			t.Errorf("IsHomeBody(%s) = %v, want %v (pattern %s)", name, got, want, HomeBodyPattern(home))
		}
	}
}
