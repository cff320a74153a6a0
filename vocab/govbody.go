package vocab

import (
	"strings"
)

// Institutions in the corridor fall in three groups: government bodies
// (any city's or the province's: 淄博市科学技术局, 济南市科学技术局, 山东省科学技术厅,
// 山东省发展和改革委员会), the partner side's universities and institutes, and
// the home side's enterprises. Only the first can be told from the name;
// which side an institution is on comes from the record it appears in.

// govSuffixes end the names of government bodies anywhere. A name ending
// in 办公室 is a body only with the home city's or a district's name in
// front (HomeBodyPattern, which knows its places): alone it may be a
// university's office.
var govSuffixes = []string{"人民政府", "政府", "局", "厅", "委员会", "管委会"}

// IsGovernmentBody reports whether name is a government body: one of the
// home city's (IsHomeBody) or any other whose name ends like one (局, 厅,
// 政府, 委员会, 管委会).
func IsGovernmentBody(name string, home Place) bool {
	name = strings.TrimSpace(name)
	for _, s := range govSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return IsHomeBody(name, home)
}
