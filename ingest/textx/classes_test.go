package textx

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestIssueClasses holds the classes of figures issue 12 found missed or
// wrong: each sentence yields exactly the figures listed, as
// span=value unit qualifier@period.
func TestIssueClasses(t *testing.T) {
	doc := time.Date(2023, 5, 26, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ text, want string }{
		{"2022年，我市综合科技创新指数位居全省第3位。", "第3位=3 位次 @2022"},
		{"2022年，创新资源指数列第二，企业创新指数分别列全省第三和第四。", "第二=2 位次 @2022; 第三=3 位次 @2022; 第四=4 位次 @2022"},
		{"2022年，技术合同成交额居全国首位。", "首位=1 位次 @2022"},
		{"2022年，全市已连续4年获评创新型城市，连续12个月位居第一。", "4年=4 年 @2022; 12个月=12 个月 @2022; 第一=1 位次 @2022"},
		{"2022年，综合指数连续第四年名列全省第一。", "第四年=4 年 @2022; 第一=1 位次 @2022"},
		{"2022年，建设六大创新平台，实施十项专项行动。", "六大=6 个 @2022; 十项=10 项 @2022"},
		{"2022年，发放贷款 156 笔。", "156 笔=156 笔 @2022"},
		{"2022年，落地項目130餘項，引進人才1.2萬人，投入3億元。", "130餘項=130 项 at_least@2022; 1.2萬人=12000 人 @2022; 3億元=3e+08 元 @2022"},
		{"全区众创空间（2012年时仅15家），目前已达1800余家。", "15家=15 家 @2012; 1800余家=1800 家 at_least@2023-05"},
		{"截至2022年底，技术合同成交额由2016年的2.3亿元增长到18亿元，已达到2018年的6倍。", "2.3亿元=2.3e+08 元 @2016; 18亿元=1.8e+09 元 @2022; 6倍=6 倍 @2022"},
		{"2022年，比2021年增加20家。", "20家=20 家 @2022"},
		{"2022年，首贷企业约占全市的40%，贴息比例最高可达50%。", "40%=40 % approx@2022; 50%=50 % at_most@2022"},
		{"2022年，解决技术难题近百项。", "近百项=100 项 at_most@2022"},
		{"2022年，报告从四个维度选取18项指标，晋升8名以上为显著提升。", ""},
		{"新增孵化器2家。", "2家=2 家 @2023-05-26"},
	} {
		var got []string
		for _, c := range Extract(tc.text, Options{HomePlace: "淄博", DocDate: doc}) {
			got = append(got, fmt.Sprintf("%s=%v %s %s@%s", c.Span, c.Value, c.Unit, c.Qualifier, c.Period))
		}
		if s := strings.Join(got, "; "); s != tc.want {
			t.Errorf("%s\n got  %s\n want %s", tc.text, s, tc.want)
		}
	}
}
