package vocab

import "testing"

func TestIsGovernmentBody(t *testing.T) {
	home, err := HomeCity("")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"淄博市财政局": true, "淄博市科学技术局": true, "淄博市人民政府办公室": true, "淄博高新区管委会": true,
		"济南市科学技术局": true, "山东省科学技术厅": true, "山东省发展和改革委员会": true, "济南市人民政府": true,
		"山东大学": false, "山东省科学院": false, "山东产业技术研究院淄博分院": false, "齐鲁化工有限公司": false,
		"中国科学院济南科创城": false, "淄博市第一医院": false,
	} {
		if got := IsGovernmentBody(name, home); got != want {
			t.Errorf("IsGovernmentBody(%s) = %v, want %v", name, got, want)
		}
	}
}
