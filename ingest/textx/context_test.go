package textx

import (
	"testing"
	"time"
)

// only returns the single figure Extract finds in text.
func only(t *testing.T, text string, o Options) Candidate {
	t.Helper()
	var figs []Candidate
	for _, c := range Extract(text, o) {
		if c.Kind == "figure" {
			figs = append(figs, c)
		}
	}
	if len(figs) != 1 {
		t.Fatalf("%s: want one figure, got %+v", text, figs)
	}
	return figs[0]
}

func TestPeriods(t *testing.T) {
	doc := time.Date(2021, 7, 27, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ text, want string }{
		{"2020年，我市与产研院签署协议，市财政每年拨付1亿元资金。", "2020"},
		{"2019年9月，共建平台3个。", "2019-09"},
		{"截至目前，共建平台30余个。", "2021-07"},
		{"本年度新增孵化器2家。", "2021"},
		{"去年新增孵化器2家。", "2020"},
		{"2021年第一季度新增孵化器2家。", "2021Q1"},
		{"二〇二〇年新增孵化器2家。", "2020"},
		{"新增孵化器2家。", "2021-07-27"}, // no date stated: the document's
		{"2023年8月签约；9月12日，新增孵化器2家。", "2023-09-12"},
		{"新增孵化器2家（2022年）。", "2022"},
	} {
		if got := only(t, tc.text, Options{DocDate: doc}).Period; got != tc.want {
			t.Errorf("%s: period %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestPeriodFromTitleAndHeading(t *testing.T) {
	text := "淄博市科学技术局2022年工作总结\n" +
		"一、主要指标\n高新技术企业达到1316家。全年组织活动23场次。\n" +
		"二、2023年工作打算\n力争全年高新技术企业突破1500家。\n\n淄博市科学技术局\n2023年1月10日"
	var got []string
	for _, c := range Extract(text, Options{}) {
		got = append(got, c.Span+"@"+c.Period)
	}
	want := []string{"1316家@2022", "23场次@2022", "突破1500家@2023"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %v, want %v", got, want)
		}
	}
}

func TestFlags(t *testing.T) {
	for _, tc := range []struct {
		text           string
		perYear, stock bool
		level, place   string
		code, metric   string
	}{
		{"市财政每年拨付1亿元资金用于产研院建设。", true, false, "", "370300", "funding", "拨付资金"},
		{"已建设淄川区高新技术创业服务中心等3家省级备案众创空间。", false, true, "provincial", "370302", "carriers_makerspace", "省级备案众创空间"},
		{"截至目前，我市企业与驻济高校共建平台30余个。", false, true, "", "370300", "platforms", "共建平台"},
		{"累计培育国家级孵化器8家。", false, true, "national", "370300", "carriers_incubator", "培育国家级孵化器"},
		{"全市高新技术企业达到1316家。", false, false, "", "370300", "hightech_firms", "高新技术企业"},
		{"研发投入年均增长10%以上。", true, false, "", "370300", "rd_spending", "研发投入年均增长"},
		{"周村区新获批省级工程技术研究中心4个。", false, false, "provincial", "370306", "platforms", "新获批省级工程技术研究中心"},
		{"组织企业赴济南开展对接活动23场次。", false, false, "", "370300", "events", "开展对接活动"},
		{"全省共有国家重点实验室12家。", false, true, "national", "370000", "platforms", "国家重点实验室"},
	} {
		c := only(t, tc.text, Options{HomePlace: "淄博"})
		if c.PerYear != tc.perYear || c.Cumulative != tc.stock || c.Level != tc.level || c.PlaceCode != tc.place ||
			c.MetricCode != tc.code || c.Metric != tc.metric {
			t.Errorf("%s\n got perYear=%v stock=%v level=%q place=%q code=%q metric=%q", tc.text,
				c.PerYear, c.Cumulative, c.Level, c.PlaceCode, c.MetricCode, c.Metric)
		}
	}
}

func TestAgreements(t *testing.T) {
	for _, tc := range []struct{ text, period, partner string }{
		{"2019年9月，淄博市政府与山东大学签订全面合作协议。", "2019-09", "山东大学"},
		{"2021年11月，区政府与山科大签署战略合作框架协议。", "2021-11", "山东科技大学"},
		{"2022年5月18日，我市与淄博职业学院签订校地合作协议。", "2022-05-18", "淄博职业学院"},
		{"2023年2月28日，济南、淄博两市科技部门签订《科技协同创新合作协议》。", "2023-02-28", "济南市"},
		{"2022年6月，双方签订了《产学研合作协议》，共建研究院。", "2022-06", ""},
	} {
		var got []Candidate
		for _, c := range Extract(tc.text, Options{HomePlace: "淄博"}) {
			if c.Kind == "agreement" {
				got = append(got, c)
			}
		}
		if len(got) != 1 || got[0].Period != tc.period || (tc.partner != "" && !contains(got[0].Partners, tc.partner)) {
			t.Errorf("%s: %+v", tc.text, got)
		}
	}
	for _, text := range []string{
		"鼓励企业与高校签订合作协议。",                  // a policy, not an event
		"下一步，将与山东大学签署战略合作协议。",             // a plan
		"2021年，现场签约项目45个。",                // a figure, counted as such
		"推动双方签订合作协议，加强人才交流。",              // no date
		"2022年，我市将与山东理工大学签订校城融合发展合作协议。",   // a plan, dated
		"2021年，我市出台《关于鼓励企业与高校签订技术合同的办法》。", // a title
	} {
		for _, c := range Extract(text, Options{}) {
			if c.Kind == "agreement" {
				t.Errorf("%s: unexpected agreement %+v", text, c)
			}
		}
	}
}

func TestFindDocDate(t *testing.T) {
	for text, want := range map[string]string{
		"正文2019年9月签订协议。\n\n淄博市科学技术局\n2021年7月27日\n（联系电话：3180278）\n（主动公开）": "2021-07-27",
		"正文。\n周村区科学技术局\n二〇二三年七月十日":                                       "2023-07-10",
		"正文。\n淄博市科学技术局        2022年6月15日":                                "2022-06-15",
		"2019年9月，淄博市政府与山东大学签订全面合作协议。":                                    "",
		"没有日期的文本。": "",
		"校地合作结硕果\n（2019年8月）\n2018年签约项目120个。": "2019-08-01",
		"区情概况（2021年）\n全区有企业80家。":             "",
	} {
		got := FindDocDate(text)
		s := ""
		if !got.IsZero() {
			s = got.Format("2006-01-02")
		}
		if s != want {
			t.Errorf("FindDocDate(%q) = %q, want %q", text, s, want)
		}
	}
}

// TestMultipleNamesWhatItMultiplies: a multiple whose own phrase is only a
// bracket ("是2020年（1001家）的2.3倍") counts what the figure before it
// counts, never "）".
func TestMultipleNamesWhatItMultiplies(t *testing.T) {
	cs := Extract("全市高新技术企业总数达到2350家，是2020年（1001家）的2.3倍。", Options{HomePlace: "淄博"})
	if len(cs) != 3 {
		t.Fatalf("got %d candidates, want 3: %+v", len(cs), cs)
	}
	if m := cs[2].Metric; m != cs[0].Metric || m == "" {
		t.Errorf("2.3倍 metric %q, want that of 2350家 (%q)", m, cs[0].Metric)
	}
}
