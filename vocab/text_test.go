package vocab

import (
	"strings"
	"testing"
)

func TestCleanText(t *testing.T) {
	tests := map[string]string{
		"  张店区  ":                "张店区",
		"张店区\u3000\u3000淄川区":     "张店区 淄川区",
		"a \t\n b":               "a b",
		"ＡＢＣ１２３％":                "ABC123%",
		"Ｑｉｌｕ　Ｃｏｒｒｉｄｏｒ":          "Qilu Corridor",
		"山\u200b东\u200d大\ufeff学": "山东大学",
		"soft\u00adhyphen":       "softhyphen",
		"a\u00a0b":               "a b",
		"bell\u0007":             "bell",
		"你好，世界！对吗？是：的；（注）": "你好，世界！对吗？是：的；（注）",
		"“科创+智造”、《意见》。":    "“科创+智造”、《意见》。",
		"１２：３０":            "12：30",
		"":                 "",
		"\u200b":           "",
	}
	for in, want := range tests {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsTotalLabel(t *testing.T) {
	for _, s := range []string{"合计", "总计", "小计", "共计", "合 计", "合　计", " 总  计 ", "合计：",
		"Total", "TOTAL", "total:", "Sum", "Subtotal", "Grand Total", "全市合计", "本页小计"} {
		if !IsTotalLabel(s) {
			t.Errorf("IsTotalLabel(%q) = false", s)
		}
	}
	for _, s := range []string{"", "张店区", "合计划", "统计局", "Totally", "summary", "山东大学合计算中心",
		strings.Repeat("合计", 500)} {
		if IsTotalLabel(s) {
			t.Errorf("IsTotalLabel(%q) = true", s)
		}
	}
}

func TestIsTotalLabelCases(t *testing.T) {
	for s, want := range map[string]bool{
		"合计": true, "合 计": true, "合　计": true, "总计：": true, "全市合计": true, "小计(高新区)": true,
		"共计": true, "合计（万元）": true, "合计1": true, "Total": true, "GRAND TOTAL": true, "sum": true,
		"联合计算中心": false, "总计划": false, "": false, "张店区": false, "Totally": false,
		" Sub Total: ": true, "\u3000total": true, "m12": false, "370302": false, "status": false,
		"累计共建平台": false,
	} {
		if IsTotalLabel(s) != want {
			t.Errorf("IsTotalLabel(%q) = %v", s, !want)
		}
	}
}

func TestIsNoteLabel(t *testing.T) {
	for s, want := range map[string]bool{
		"注：单位万元": true, " 填表人：张三": true, "\u3000说明": true, "数据来源：统计局": true,
		"": false, "note": false, "张店区": false, "123": false,
	} {
		if IsNoteLabel(s) != want {
			t.Errorf("IsNoteLabel(%q) = %v", s, !want)
		}
	}
}

func TestIsBlank(t *testing.T) {
	for _, s := range []string{"", "  ", "\u3000", strings.Repeat(" ", 1000), "-", "—", "——", "/", "无", "暂无", "N/A", "null", "－"} {
		if !IsBlank(s) {
			t.Errorf("IsBlank(%q) = false", s)
		}
	}
	for _, s := range []string{"0", "无锡", "a", "-5", strings.Repeat(" ", 1000) + "x"} {
		if IsBlank(s) {
			t.Errorf("IsBlank(%q) = true", s)
		}
	}
}
