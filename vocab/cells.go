package vocab

import "strings"

// totalWords are the labels that mark a total or subtotal row. Spreadsheets
// pad them with spaces ("合  计") to look centred, so spaces are ignored.
var totalWords = map[string]bool{
	"合计": true, "总计": true, "小计": true, "共计": true, "累计": true, "总合计": true,
	"total": true, "totals": true, "subtotal": true, "sub-total": true,
	"grandtotal": true, "sum": true,
}

// totalScopes are the prefixes that narrow a total label ("全市合计").
var totalScopes = []string{"全市", "全区", "全县", "全省", "本页", "本表", "各区县", "本年"}

// IsTotalLabel reports whether a cell marks a total or subtotal row: 合计,
// 总计, 小计, 共计, "合 计", Total, Sum, also with a scope in front (全市合计)
// or a colon after. Such rows must not be loaded as data: summing them again
// would double the figures.
func IsTotalLabel(s string) bool {
	if len(s) > 256 {
		return false
	}
	k := strings.TrimRight(strings.ToLower(compact(s)), ":：")
	if totalWords[k] {
		return true
	}
	for _, p := range totalScopes {
		if rest, ok := strings.CutPrefix(k, p); ok && totalWords[rest] {
			return true
		}
	}
	return false
}

// blankWords are the placeholders people type for "no value".
var blankWords = map[string]bool{
	"": true, "-": true, "--": true, "—": true, "——": true, "/": true, "\\": true,
	"无": true, "暂无": true, "空": true, "n/a": true, "na": true, "null": true, "none": true,
}

// IsBlank reports whether a cell holds no value: empty, spaces only, or a
// placeholder such as "-", "—", "/", "无", "暂无", "N/A". Callers skip such
// cells instead of reporting them as malformed numbers.
func IsBlank(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 64 {
		return false
	}
	return blankWords[strings.ToLower(compact(s))]
}
