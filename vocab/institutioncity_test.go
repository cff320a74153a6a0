package vocab

import "testing"

func TestInstitutionCity(t *testing.T) {
	for name, want := range map[string]string{
		"山东大学":   "济南市",
		"山大":     "济南市", // an alias
		"山东科技大学": "青岛市",
		"山东产业技术研究院淄博分院": "淄博市",
		"淄博市财政局":        "淄博市",
		"张店区科技局":        "淄博市",
		"青岛科技大学":        "青岛市", // not in the table: its name says where
		"山东大学淄博生物医药研究院": "淄博市",
		"山东省科学技术厅":      "济南市",
		"济南市科学技术局":      "济南市",
	} {
		got, ok := InstitutionCity(name)
		if !ok || got != want {
			t.Errorf("InstitutionCity(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	for _, name := range []string{"", "某某科技有限公司", "清华大学"} {
		if got, ok := InstitutionCity(name); ok {
			t.Errorf("InstitutionCity(%q) = %q, want unknown", name, got)
		}
	}
}
