package ingest

import (
	"fmt"
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

// splitOrgs splits a list of organisations on Chinese and Latin separators
// and maps each to its canonical name, keeping order and dropping repeats.
func splitOrgs(s string, al *vocab.Aliases) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、，,;；/|\n", r) })
	out := make([]string, 0, len(f))
	seen := map[string]bool{}
	for _, p := range f {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		name, _ := al.Canonical(p)
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

func parseBool(s string) (uint8, error) {
	switch strings.ToLower(s) {
	case "是", "y", "yes", "true", "1", "√", "✓", "财政", "财政资金":
		return 1, nil
	case "否", "n", "no", "false", "0", "×", "非财政", "社会资金", "自筹":
		return 0, nil
	}
	return 0, fmt.Errorf("is not yes/no (应为 是/否)")
}

// carrierKinds are the steps of the 苗圃 → 孵化器 → 加速器 → 产业园 chain.
var carrierKinds = []struct {
	code  string
	words []string // accepted names, the Chinese one first
}{
	{"nursery", []string{"苗圃", "创业苗圃", "大学生创业孵化中心", "nursery"}},
	{"makerspace", []string{"众创空间", "makerspace", "maker space"}},
	{"incubator", []string{"孵化器", "科技企业孵化器", "孵化平台", "孵化基地", "incubator"}},
	{"accelerator", []string{"加速器", "accelerator"}},
	{"park", []string{"产业园", "园区", "产业园区", "park", "industrial park"}},
}

func parseCarrierKind(s string) (string, error) {
	l := strings.ToLower(s)
	for _, k := range carrierKinds {
		for _, w := range k.words {
			if l == w || strings.HasSuffix(l, w) {
				return k.code, nil
			}
		}
	}
	return "", fmt.Errorf("is not a carrier kind: want 苗圃, 众创空间, 孵化器, 加速器 or 产业园")
}

func parseTalentKind(s string) (string, error) {
	l := strings.ToLower(s)
	switch {
	case strings.Contains(l, "专家") || l == "expert" || l == "experts":
		return "expert", nil
	case strings.Contains(l, "人才") || l == "talent" || l == "talents":
		return "talent", nil
	case strings.Contains(l, "活动") || strings.Contains(l, "交流") || strings.Contains(l, "论坛") || strings.Contains(l, "会议") || l == "event" || l == "events":
		return "event", nil
	}
	return "", fmt.Errorf("is not a talent/exchange kind: want 专家, 人才 or 活动")
}
