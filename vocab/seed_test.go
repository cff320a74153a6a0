package vocab

import "testing"

// The phrases below are quoted from the bureau's reply letter 淄科字〔2021〕38号
// (shared/seed), the kind of text Corridor reads.
func TestSeedLetterPhrases(t *testing.T) {
	quantities := []struct {
		in   string
		want float64
		q    Qualifier
		unit string
	}{
		{"30余个", 30, AtLeast, "个"}, // 共建平台30余个
		{"70多项", 70, AtLeast, "项"}, // 联合开展项目合作70多项
		{"3家", 3, Exact, "家"},      // 等3家省级备案众创空间
		{"1亿元", 1e8, Exact, "元"},   // 市财政每年拨付1亿元资金
	}
	for _, tt := range quantities {
		got, err := ParseQuantity(tt.in)
		if err != nil || got.Value != tt.want || got.Qualifier != tt.q || got.Unit != tt.unit {
			t.Errorf("ParseQuantity(%q) = %+v, %v", tt.in, got, err)
		}
	}
	if fen, q, err := ParseMoney("1亿元", ""); err != nil || fen != 10_000_000_000 || q != Exact {
		t.Errorf("ParseMoney(1亿元) = %d %q %v", fen, q, err)
	}
	if FormatMoneyZH(10_000_000_000) != "1亿元" {
		t.Errorf("FormatMoneyZH(1亿元) = %q", FormatMoneyZH(10_000_000_000))
	}
	dates := map[string]string{
		"2019年9月":    "2019-09",    // 淄博市政府与山东大学签订全面合作协议
		"2021年3月2日":  "2021-03-02", // 与山东科技大学签约仪式
		"2020年":      "2020",       // 与山东产业技术研究院签署全面战略合作协议
		"2021年7月27日": "2021-07-27", // the letter's date
	}
	for in, want := range dates {
		if p, err := ParseDate(in); err != nil || p.String() != want {
			t.Errorf("ParseDate(%q) = %s, %v; want %s", in, p, err, want)
		}
	}
	places := map[string]string{"淄川区": "370302", "周村区": "370306", "济南": "370100", "淄博": "370300", "淄川": "370302"}
	for in, want := range places {
		if p, ok := LookupPlace(in); !ok || p.Code != want {
			t.Errorf("LookupPlace(%q) = %+v, %v; want %s", in, p, ok, want)
		}
	}
	a := DefaultAliases()
	orgs := map[string]string{
		"山东大学": "山东大学", "山大": "山东大学", "山东科技大学": "山东科技大学", "济南大学": "济南大学",
		"齐鲁工业大学": "齐鲁工业大学", "山东产业技术研究院": "山东产业技术研究院", "产研院": "山东产业技术研究院",
		"山东产研院": "山东产业技术研究院", "淄博产研院": "山东产业技术研究院淄博分院", "中科院": "中国科学院",
		"淄博市政府": "淄博市人民政府", "市科技局": "市科技局",
	}
	for in, want := range orgs {
		if got, _ := a.Canonical(in); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", in, got, want)
		}
	}
	levels := map[string]string{"省级": LevelProvincial, "市级": LevelMunicipal, "国家级": LevelNational}
	for in, want := range levels {
		if got, err := ParseLevel(in); err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %q, %v", in, got, err)
		}
	}
}
