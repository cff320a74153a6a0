package vocab

import "strings"

// Term is one coded value of a closed list (a level, a carrier kind, a
// kind of talent record): its stored code, its names for readers, and the
// words people write for it.
type Term struct {
	Code  string
	ZH    string
	EN    string
	Words []string // accepted spellings, compared cleaned and lower-cased
}

// Name is the term's name in lang ("en" or Chinese).
func (t Term) Name(lang string) string {
	if lang == "en" {
		return t.EN
	}
	return t.ZH
}

// Levels of platforms and carriers, highest first.
func Levels() []Term {
	return []Term{
		{LevelNational, "国家级", "National", []string{"国家级", "国家", "国字号", "部级", "national", "state", "statelevel", "nationallevel"}},
		{LevelProvincial, "省级", "Provincial", []string{"省级", "省", "省部级", "provincial", "province", "provinciallevel", "provincelevel"}},
		{LevelMunicipal, "市级", "Municipal", []string{"市级", "市", "地市级", "municipal", "city", "citylevel", "municipallevel"}},
		{LevelDistrict, "区县级", "District", []string{"区县级", "县区级", "区级", "县级", "区(县)级", "县(区)级", "区县", "区", "县",
			"district", "county", "districtlevel", "countylevel", "district/county"}},
	}
}

// CarrierKinds are the steps of the chain a start-up takes, in its order:
// 苗圃 → 众创空间 → 孵化器 → 加速器 → 产业园.
func CarrierKinds() []Term {
	return []Term{
		{"nursery", "苗圃", "Nursery", []string{"苗圃", "创业苗圃", "大学生创业孵化中心", "nursery"}},
		{"makerspace", "众创空间", "Maker space", []string{"众创空间", "makerspace", "maker space"}},
		{"incubator", "孵化器", "Incubator", []string{"孵化器", "科技企业孵化器", "孵化平台", "孵化基地", "incubator"}},
		{"accelerator", "加速器", "Accelerator", []string{"加速器", "accelerator"}},
		{"park", "产业园", "Industrial park", []string{"产业园", "园区", "产业园区", "park", "industrial park"}},
	}
}

// TalentKinds are the kinds of talent and exchange records. Their Chinese
// words match anywhere in a cell (高层次人才, 专家工作站, 对接交流会).
func TalentKinds() []Term {
	return []Term{
		{"expert", "专家", "Experts", []string{"专家", "expert", "experts"}},
		{"talent", "人才", "Talents", []string{"人才", "talent", "talents"}},
		{"event", "活动", "Events", []string{"活动", "交流", "论坛", "会议", "event", "events"}},
	}
}

// TermName names code from list in lang; an empty code reads 未填写 (not
// filled in), an unknown one as itself.
func TermName(list []Term, code, lang string) string {
	if code == "" {
		if lang == "en" {
			return "not given"
		}
		return "未填写"
	}
	for _, t := range list {
		if t.Code == code {
			return t.Name(lang)
		}
	}
	return code
}

// termKey folds a cell for comparison with a term's words.
func termKey(s string) string {
	k := strings.ToLower(compact(s))
	return strings.NewReplacer("-", "", "_", "", "（", "(", "）", ")").Replace(k)
}

// FindTerm finds the term whose code, name or word s is (after folding);
// with suffix set a word may also end the cell (科技企业孵化器 → incubator).
func FindTerm(list []Term, s string, suffix bool) (Term, bool) {
	if len(s) > 64 {
		return Term{}, false
	}
	k := termKey(s)
	for _, t := range list {
		if k == t.Code || k == termKey(t.ZH) || k == termKey(t.EN) {
			return t, true
		}
		for _, w := range t.Words {
			if w := termKey(w); k == w || suffix && strings.HasSuffix(k, w) {
				return t, true
			}
		}
	}
	return Term{}, false
}

// choices lists the terms' Chinese names for an error message.
func choices(list []Term) string {
	names := make([]string, len(list))
	for i, t := range list {
		names[i] = t.ZH
	}
	return strings.Join(names, ", ")
}

// ParseCarrierKind reads a carrier kind (孵化器, 科技企业孵化器, incubator).
func ParseCarrierKind(s string) (string, error) {
	if t, ok := FindTerm(CarrierKinds(), s, true); ok {
		return t.Code, nil
	}
	return "", invalid(s, "a carrier kind", "want "+choices(CarrierKinds()))
}

// ParseTalentKind reads the kind of a talent or exchange record: a cell
// naming experts, talents, or an event (活动, 交流, 论坛, 会议) anywhere in it.
func ParseTalentKind(s string) (string, error) {
	if len(s) <= 64 {
		k := termKey(s)
		for _, t := range TalentKinds() {
			for _, w := range t.Words {
				if k == w || isHan(w) && strings.Contains(k, w) {
					return t.Code, nil
				}
			}
		}
	}
	return "", invalid(s, "a talent or exchange kind", "want "+choices(TalentKinds()))
}

func isHan(s string) bool { return s != "" && s[0] >= 0x80 }

// LevelChoices is the list of levels for messages: 国家级, 省级, 市级, 区县级.
func LevelChoices() string { return choices(Levels()) }

// yesWords and noWords answer a yes/no column; for "is this fiscal money"
// the bureau writes 财政 or 自筹 as often as 是 or 否.
var (
	yesWords = map[string]bool{"是": true, "y": true, "yes": true, "true": true, "1": true, "√": true, "✓": true, "财政": true, "财政资金": true}
	noWords  = map[string]bool{"否": true, "n": true, "no": true, "false": true, "0": true, "×": true, "非财政": true, "社会资金": true, "自筹": true}
)

// ParseYesNo reads a yes/no cell as 1 or 0.
func ParseYesNo(s string) (uint8, error) {
	k := strings.ToLower(compact(s))
	switch {
	case yesWords[k]:
		return 1, nil
	case noWords[k]:
		return 0, nil
	}
	return 0, invalid(s, "yes or no", "want 是 or 否")
}
