package vocab

import (
	"slices"
	"strings"
	"testing"
)

func TestLookupPlace(t *testing.T) {
	tests := []struct{ in, code, name, city string }{
		{"山东省", "370000", "山东省", ""},
		{"山东", "370000", "山东省", ""},
		{"Shandong Province", "370000", "山东省", ""},
		{"济南市", "370100", "济南市", "济南市"},
		{"济南", "370100", "济南市", "济南市"},
		{"Jinan", "370100", "济南市", "济南市"},
		{"Jinan City", "370100", "济南市", "济南市"},
		{"山东省济南市", "370100", "济南市", "济南市"},
		{"历下区", "370102", "历下区", "济南市"},
		{"市中区", "370103", "市中区", "济南市"},
		{"济南市市中区", "370103", "市中区", "济南市"},
		{"济南市中区", "370103", "市中区", "济南市"},
		{"Shizhong", "370103", "市中区", "济南市"},
		{"枣庄市市中区", "370402", "市中区", "枣庄市"},
		{"枣庄市中区", "370402", "市中区", "枣庄市"},
		{"槐荫区", "370104", "槐荫区", "济南市"},
		{"天桥区", "370105", "天桥区", "济南市"},
		{"历城区", "370112", "历城区", "济南市"},
		{"历城", "370112", "历城区", "济南市"},
		{"长清区", "370113", "长清区", "济南市"},
		{"章丘区", "370114", "章丘区", "济南市"},
		{"章丘市", "370114", "章丘区", "济南市"},
		{"济阳区", "370115", "济阳区", "济南市"},
		{"济阳县", "370115", "济阳区", "济南市"},
		{"莱芜区", "370116", "莱芜区", "济南市"},
		{"莱芜", "370116", "莱芜区", "济南市"},
		{"莱芜市", "370116", "莱芜区", "济南市"},
		{"Laiwu", "370116", "莱芜区", "济南市"},
		{"钢城区", "370117", "钢城区", "济南市"},
		{"平阴县", "370124", "平阴县", "济南市"},
		{"平阴", "370124", "平阴县", "济南市"},
		{"商河县", "370126", "商河县", "济南市"},
		{"济南高新区", "370100-GX", "济南高新区", "济南市"},
		{"济南高新技术产业开发区", "370100-GX", "济南高新区", "济南市"},
		{"济南市高新区", "370100-GX", "济南高新区", "济南市"},
		{"Jinan Hi-tech Zone", "370100-GX", "济南高新区", "济南市"},
		{"淄博市", "370300", "淄博市", "淄博市"},
		{"淄博", "370300", "淄博市", "淄博市"},
		{"Zibo", "370300", "淄博市", "淄博市"},
		{"淄川区", "370302", "淄川区", "淄博市"},
		{"淄川", "370302", "淄川区", "淄博市"},
		{"Zichuan", "370302", "淄川区", "淄博市"},
		{"Zichuan District", "370302", "淄川区", "淄博市"},
		{"zichuan district", "370302", "淄川区", "淄博市"},
		{"张店区", "370303", "张店区", "淄博市"},
		{"张店", "370303", "张店区", "淄博市"},
		{"淄博市张店区", "370303", "张店区", "淄博市"},
		{"淄博张店", "370303", "张店区", "淄博市"},
		{"山东省淄博市张店区", "370303", "张店区", "淄博市"},
		{"Zhangdian", "370303", "张店区", "淄博市"},
		{"Zhangdian District", "370303", "张店区", "淄博市"},
		{"Zibo City Zhangdian District", "370303", "张店区", "淄博市"},
		{"　张店区　", "370303", "张店区", "淄博市"},
		{"张 店 区", "370303", "张店区", "淄博市"},
		{"博山区", "370304", "博山区", "淄博市"},
		{"临淄区", "370305", "临淄区", "淄博市"},
		{"临淄", "370305", "临淄区", "淄博市"},
		{"周村区", "370306", "周村区", "淄博市"},
		{"周村", "370306", "周村区", "淄博市"},
		{"桓台县", "370321", "桓台县", "淄博市"},
		{"桓台", "370321", "桓台县", "淄博市"},
		{"Huantai County", "370321", "桓台县", "淄博市"},
		{"高青县", "370322", "高青县", "淄博市"},
		{"沂源县", "370323", "沂源县", "淄博市"},
		{"淄博高新区", "370300-GX", "淄博高新区", "淄博市"},
		{"淄博市高新区", "370300-GX", "淄博高新区", "淄博市"},
		{"淄博高新技术产业开发区", "370300-GX", "淄博高新区", "淄博市"},
		{"青岛", "370200", "青岛市", "青岛市"},
		{"枣庄市", "370400", "枣庄市", "枣庄市"},
		{"东营", "370500", "东营市", "东营市"},
		{"烟台", "370600", "烟台市", "烟台市"},
		{"潍坊", "370700", "潍坊市", "潍坊市"},
		{"济宁", "370800", "济宁市", "济宁市"},
		{"Jining", "370800", "济宁市", "济宁市"},
		{"泰安", "370900", "泰安市", "泰安市"},
		{"Tai'an", "370900", "泰安市", "泰安市"},
		{"威海", "371000", "威海市", "威海市"},
		{"日照", "371100", "日照市", "日照市"},
		{"临沂", "371300", "临沂市", "临沂市"},
		{"德州", "371400", "德州市", "德州市"},
		{"聊城", "371500", "聊城市", "聊城市"},
		{"滨州", "371600", "滨州市", "滨州市"},
		{"菏泽", "371700", "菏泽市", "菏泽市"},
	}
	for _, tt := range tests {
		p, ok := LookupPlace(tt.in)
		if !ok {
			t.Errorf("LookupPlace(%q) not found", tt.in)
			continue
		}
		if p.Code != tt.code || p.Name != tt.name || p.City != tt.city {
			t.Errorf("LookupPlace(%q) = %+v, want %s %s %s", tt.in, p, tt.code, tt.name, tt.city)
		}
	}
}

func TestLookupPlaceUnknown(t *testing.T) {
	for _, s := range []string{"", " ", "高新区", "hightechzone", "淄州区", "北京市", "济南市淄川区",
		"淄博市历下区", "市中", "淄博市淄博", "山东省山东省", strings.Repeat("张店区", 1000)} {
		if p, ok := LookupPlace(s); ok {
			t.Errorf("LookupPlace(%q) = %+v, want not found", s, p)
		}
	}
}

func TestSuggestPlace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"淄州区", "淄川区"},
		{"淄博市淄州区", "淄川区"},
		{"山东省淄博市张点区", "张店区"},
		{"张店区", "张店区"},
		{"淄博市张店区", "张店区"},
		{"张点区", "张店区"},
		{"桓台区", "桓台县"},
		{"桓苔县", "桓台县"},
		{"沂原县", "沂源县"},
		{"Zhangdain", "张店区"},
		{"Zichaun", "淄川区"},
		{"Linzhi", "临淄区"},
		{"历夏区", ""}, // as close to 历下区 as to 历城区
		{"高新区", ""}, // ambiguous, not misspelt
		{"北京市", ""},
		{"xyz", ""},
		{"", ""},
		{strings.Repeat("淄", 100), ""},
	}
	for _, tt := range tests {
		if got := SuggestPlace(tt.in); got != tt.want {
			t.Errorf("SuggestPlace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlaces(t *testing.T) {
	ps := Places()
	if !slices.IsSortedFunc(ps, func(a, b Place) int { return strings.Compare(a.Code, b.Code) }) {
		t.Error("Places is not sorted by code")
	}
	seen := map[string]bool{}
	counts := map[string]int{}
	for _, p := range ps {
		if seen[p.Code] {
			t.Errorf("code %s twice", p.Code)
		}
		seen[p.Code] = true
		counts[p.City+"/"+p.Level]++
		if p.Level != LevelProvince && p.Level != LevelCity && p.Level != LevelDistrict && p.Level != LevelZone {
			t.Errorf("%+v has level %q", p, p.Level)
		}
		// Every place resolves from its own name, except the duplicate 市中区.
		if got, ok := LookupPlace(p.Name); !ok || (got.Code != p.Code && p.Code != "370402") {
			t.Errorf("LookupPlace(%q) = %+v, %v", p.Name, got, ok)
		}
		if got, ok := LookupPlace(p.City + p.Name); p.Level == LevelDistrict && (!ok || got.Code != p.Code) {
			t.Errorf("LookupPlace(%q) = %+v, %v", p.City+p.Name, got, ok)
		}
	}
	if counts["济南市/district"] != 12 || counts["淄博市/district"] != 8 {
		t.Errorf("district counts: %v", counts)
	}
	if seen["371200"] {
		t.Error("莱芜市 371200 is gone since 2019")
	}
	ps[0].Name = "changed"
	if Places()[0].Name == "changed" {
		t.Error("Places shares its slice")
	}
}

// Only the names meant to be shared map to more than one place.
func TestPlaceKeysUnique(t *testing.T) {
	shared := map[string]bool{"市中区": true, "shizhong": true, "高新区": true, "高新技术产业开发区": true,
		"国家高新区": true, "hightechzone": true, "hitechzone": true}
	for k, rows := range placeIndex.byKey {
		if len(rows) > 1 && !shared[k] {
			t.Errorf("key %q names %d places", k, len(rows))
		}
	}
}
