package vocab

import "testing"

func TestTermsRead(t *testing.T) {
	for in, want := range map[string]string{
		"孵化器": "incubator", "科技企业孵化器": "incubator", "Maker space": "makerspace", "苗圃": "nursery",
		"产业园区": "park", "accelerator": "accelerator", " 众创空间 ": "makerspace",
	} {
		if got, err := ParseCarrierKind(in); err != nil || got != want {
			t.Errorf("ParseCarrierKind(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"高层次人才": "talent", "专家工作站": "expert", "对接交流会": "event", "Experts": "expert", "活动": "event",
	} {
		if got, err := ParseTalentKind(in); err != nil || got != want {
			t.Errorf("ParseTalentKind(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"研究院", "", "xyz"} {
		if _, err := ParseCarrierKind(bad); err == nil {
			t.Errorf("ParseCarrierKind(%q) accepted", bad)
		}
	}
	if _, err := ParseTalentKind("研究院"); err == nil || err.Error() != `vocab: "研究院" is not a talent or exchange kind: want 专家, 人才, 活动` {
		t.Errorf("ParseTalentKind error: %v", err)
	}
	for in, want := range map[string]uint8{"是": 1, "财政": 1, "自筹": 0, "N": 0, " 否 ": 0} {
		if got, err := ParseYesNo(in); err != nil || got != want {
			t.Errorf("ParseYesNo(%q) = %d, %v", in, got, err)
		}
	}
}

func TestTermNames(t *testing.T) {
	cases := []struct {
		list             []Term
		code, lang, want string
	}{
		{Levels(), "provincial", "zh", "省级"},
		{Levels(), "district", "en", "District"},
		{Levels(), "", "zh", "未填写"},
		{CarrierKinds(), "park", "zh", "产业园"},
		{CarrierKinds(), "研究院", "zh", "研究院"},
	}
	for _, c := range cases {
		if got := TermName(c.list, c.code, c.lang); got != c.want {
			t.Errorf("TermName(%s, %s) = %q, want %q", c.code, c.lang, got, c.want)
		}
	}
	if got := LevelChoices(); got != "国家级, 省级, 市级, 区县级" {
		t.Errorf("LevelChoices = %q", got)
	}
}
