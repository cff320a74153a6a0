package vocab

import "testing"

func TestLookupPlaceCodes(t *testing.T) {
	for in, want := range map[string]string{
		"370302": "淄川区", " 370303 ": "张店区", "３７０３０４": "博山区", "370300": "淄博市", "370000": "山东省",
		"370300-GX": "淄博高新区", "370100-gx": "济南高新区", "370100GX": "济南高新区", "370116": "莱芜区",
	} {
		if p, ok := LookupPlace(in); !ok || p.Name != want {
			t.Errorf("LookupPlace(%q) = %+v, %v; want %s", in, p, ok, want)
		}
	}
	for _, in := range []string{"371200", "370399", "37030", "3703022", "370300-XX"} {
		if p, ok := LookupPlace(in); ok {
			t.Errorf("LookupPlace(%q) = %+v; want not found", in, p)
		}
	}
}
