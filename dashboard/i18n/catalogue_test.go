package i18n

import (
	"strings"
	"testing"
	"unicode"
)

// TestCatalogueComplete: every string has both languages, and the English
// one holds no Chinese (except the sample mark, bilingual on purpose).
func TestCatalogueComplete(t *testing.T) {
	bilingual := map[string]bool{"lang_switch": true} // the button names the other language: 中文
	for k, m := range messages {
		if m[0] == "" || m[1] == "" {
			t.Errorf("%s: Chinese %q, English %q: both are needed", k, m[0], m[1])
		}
		if bilingual[k] {
			continue
		}
		if strings.IndexFunc(m[1], func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			t.Errorf("%s: the English string %q holds Chinese", k, m[1])
		}
	}
}

// TestTAndF: a key reads in its language, an unknown key shows itself
// (which the browser walk then reports), and F formats.
func TestTAndF(t *testing.T) {
	if T("zh-CN", "apply") != "应用" || T("en", "apply") != "Apply" || T("en", "no_such_key") != "no_such_key" {
		t.Errorf("T: %q %q %q", T("zh-CN", "apply"), T("en", "apply"), T("en", "no_such_key"))
	}
	if got := F("zh-CN", "ch_unit", "亿元"); got != "单位：亿元" {
		t.Errorf("F: %q", got)
	}
	if Pick("en", "淄博", "") != "淄博" || Pick("en", "淄博", "Zibo") != "Zibo" {
		t.Errorf("Pick falls back wrongly")
	}
}
