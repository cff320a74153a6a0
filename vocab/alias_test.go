package vocab

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestDefaultAliases(t *testing.T) {
	a := DefaultAliases()
	tests := []struct {
		in, want string
		known    bool
	}{
		{"山大", "山东大学", true},
		{"山东大学", "山东大学", true},
		{" 山东大学 ", "山东大学", true},
		{"Shandong University", "山东大学", true},
		{"shandong  university", "山东大学", true},
		{"山东大学（济南）", "山东大学", true},
		{"山东大学(济南)", "山东大学", true},
		{"山科大", "山东科技大学", true},
		{"山东科大", "山东科技大学", true},
		{"济大", "济南大学", true},
		{"齐鲁工大", "齐鲁工业大学", true},
		{"齐工大", "齐鲁工业大学", true},
		{"齐鲁工业大学（山东省科学院）", "齐鲁工业大学", true},
		{"山东省科学院", "山东省科学院", true},
		{"省科学院", "山东省科学院", true},
		{"产研院", "山东产业技术研究院", true},
		{"山东产研院", "山东产业技术研究院", true},
		{"山东产业技术研究院", "山东产业技术研究院", true},
		{"淄博产研院", "山东产业技术研究院淄博分院", true},
		{"中科院", "中国科学院", true},
		{"中科院济南科创城", "中国科学院济南科创城", true},
		{"山东理工", "山东理工大学", true},
		{"山东理工大学", "山东理工大学", true},
		{"山东师大", "山东师范大学", true},
		{"山东财经", "山东财经大学", true},
		{"山东建筑大学", "山东建筑大学", true},
		{"山东农业大学", "山东农业大学", true},
		{"齐鲁医药学院", "齐鲁医药学院", true},
		{"山东中医药大学", "山东中医药大学", true},
		{"淄博市政府", "淄博市人民政府", true},
		{"ＳＤＵ", "山东大学", true},
		{"山\u200b大", "山东大学", true},
		// Unknown names come back cleaned, brackets normalised.
		{"淄博某某新材料有限公司", "淄博某某新材料有限公司", false},
		{"山东大学 (威海)", "山东大学（威海）", false},
		{"山东大学（威海）", "山东大学（威海）", false},
		{"  Acme  Corp （Zibo） ", "Acme Corp (Zibo)", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, known := a.Canonical(tt.in)
		if got != tt.want || known != tt.known {
			t.Errorf("Canonical(%q) = %q, %v; want %q, %v", tt.in, got, known, tt.want, tt.known)
		}
	}
}

func TestDefaultAliasesConsistent(t *testing.T) {
	seen := map[string]string{}
	for _, org := range defaultAliases {
		row := org.names
		for _, n := range row {
			k := aliasKey(n)
			if c, ok := seen[k]; ok && c != row[0] {
				t.Errorf("alias %q names both %q and %q", n, c, row[0])
			}
			seen[k] = row[0]
		}
	}
	a := DefaultAliases()
	known := a.Known()
	if len(known) != len(defaultAliases) || !slices.IsSorted(known) {
		t.Errorf("Known() = %v", known)
	}
	for _, c := range known {
		if got, ok := a.Canonical(c); !ok || got != c {
			t.Errorf("canonical %q maps to %q", c, got)
		}
	}
	var nilA *Aliases
	if got, ok := nilA.Canonical("山大"); ok || got != "山大" || nilA.Known() != nil {
		t.Error("nil Aliases should know nothing")
	}
}

func TestLoadAliases(t *testing.T) {
	file := "\uFEFF# 校名\n" +
		"山东大学 = 山大, 山东大学(济南), Shandong University\n" +
		"\n" +
		"淄博市工业和信息化局 = 淄博市工信局，工信局、市工信局 # 市里的\n" +
		"山东产业技术研究院淄博分院 ＝ 淄博分院\n" +
		"新材料研究所\n" +
		"山东科技大学 = 山科\n"
	base := DefaultAliases()
	a, err := LoadAliases(strings.NewReader(file), base)
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"山大":     "山东大学",
		"工信局":    "淄博市工业和信息化局",
		"市工信局":   "淄博市工业和信息化局",
		"淄博分院":   "山东产业技术研究院淄博分院",
		"新材料研究所": "新材料研究所",
		"山科":     "山东科技大学",
		"山科大":    "山东科技大学", // defaults stay
	}
	for in, want := range tests {
		if got, ok := a.Canonical(in); got != want || !ok {
			t.Errorf("Canonical(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := base.Canonical("工信局"); ok {
		t.Error("LoadAliases changed its base")
	}
	if !slices.Contains(a.Known(), "淄博市工业和信息化局") || !slices.Contains(a.Known(), "新材料研究所") {
		t.Errorf("Known() = %v", a.Known())
	}
}

func TestLoadAliasesNilBaseAndOverride(t *testing.T) {
	// The file may move a default alias: 产研院 here means the Zibo branch.
	a, err := LoadAliases(strings.NewReader("山东产业技术研究院淄博分院 = 产研院\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Canonical("产研院"); got != "山东产业技术研究院淄博分院" {
		t.Errorf("产研院 → %q", got)
	}
	if got, _ := a.Canonical("山大"); got != "山东大学" {
		t.Errorf("nil base lost the defaults: 山大 → %q", got)
	}
}

func TestLoadAliasesErrors(t *testing.T) {
	tests := []struct{ file, msg string }{
		{" = 山大\n", "line 1: \"= 山大\" has no canonical name"},
		{"# ok\nA = B\nC = B\n", `line 3: alias "B" of "C" already names "A" (line 2)`},
		{"A = 山东大学\n", `line 1: alias "山东大学" of "A" is itself a canonical name`},
		{"A = B\nB = C\n", `line 2: "B" is already an alias of "A" (line 1)`},
		{"A = " + strings.Repeat("x", 70*1024) + "\n", "line 1: longer than"},
	}
	for _, tt := range tests {
		_, err := LoadAliases(strings.NewReader(tt.file), nil)
		if err == nil || !strings.HasPrefix(err.Error(), "vocab: aliases ") || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("LoadAliases(%.20q) error = %v, want %q", tt.file, err, tt.msg)
		}
	}
	_, err := LoadAliases(errReader{}, nil)
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("read error = %v", err)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("boom") }
