package vocab

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// totalWords are the words that start or end a total row's label. Every
// Chinese one has 计, which IsTotalLabel tests first (it runs on every row).
var totalWords = [...]string{"合计", "总计", "小计", "共计", "总合计"}

// englishTotals are whole labels of total rows in English templates.
var englishTotals = map[string]bool{"total": true, "totals": true, "subtotal": true, "sub-total": true, "grandtotal": true, "sum": true}

// IsTotalLabel reports whether a cell labels a total or subtotal row: once
// all spaces are removed ("合　计") it ends with 合计, 总计, 小计 or 共计
// ("全市合计"), or starts with one followed by no further Chinese character
// ("小计：", "合计（万元）"), or is Total, Subtotal, Grand Total or Sum in any
// case. Contains-anywhere is avoided on purpose: "联合计算中心" is a name and
// "总计划投资" a plan, not totals; 累计 (cumulative) names metrics. Such rows
// must not be loaded as data: summing them again would double the figures.
func IsTotalLabel(s string) bool {
	if len(s) > 256 || !strings.Contains(s, "计") && !mayBeEnglishTotal(s) {
		return false
	}
	t := strings.TrimRight(compact(s), ":：")
	if t == "" {
		return false
	}
	for _, w := range totalWords {
		if strings.HasSuffix(t, w) {
			return true
		}
		if rest, ok := strings.CutPrefix(t, w); ok {
			if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.Is(unicode.Han, r) {
				return true
			}
		}
	}
	return englishTotals[strings.ToLower(t)]
}

// mayBeEnglishTotal is a quick test before the full one: short text whose
// first letter can start total, subtotal, grandtotal or sum.
func mayBeEnglishTotal(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if s == "" || len(s) > 40 {
		return false
	}
	switch s[0] | 0x20 {
	case 't', 's', 'g':
		return true
	}
	return false
}

// notePrefixes start the remark lines below a table.
var notePrefixes = [...]string{
	"注", "说明", "填表", "填报人", "备注", "制表", "审核", "联系人",
	"联系电话", "负责人", "单位负责人", "数据来源", "资料来源",
}

// IsNoteLabel reports whether a cell starts like a remark line under a
// table (注：, 填表人：, 审核：, 数据来源：).
func IsNoteLabel(s string) bool {
	if s = strings.TrimLeftFunc(s, unicode.IsSpace); s == "" || s[0] < utf8.RuneSelf || len(s) > 4096 { // every note prefix is Chinese
		return false
	}
	t := compact(s[:min(len(s), 64)])
	for _, p := range notePrefixes {
		if strings.HasPrefix(t, p) {
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
