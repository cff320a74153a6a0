package vocab

import (
	"slices"
	"unicode/utf8"
)

// textUnits are the counting units (量词), measures and signs a figure in
// running text may carry ("30余家", "25万平方米", "1.6倍", "4.5%"). Money
// is 元 (and 元人民币): 万 and 亿 are read as part of the number.
// Durations and dates (年, 月, 日, 天, 号) are deliberately absent: "3年",
// "2021年" and "38号" are context, never figures by themselves.
var textUnits = []string{
	"个百分点", "平方公里", "平方千米",
	"百分点", "平方米", "元人民币", "平米",
	"人次", "家次", "项次", "场次", "批次", "个次", "台套", "部门", "公顷", "公里",
	"千米", "千瓦", "美元", "欧元", "港元", "日元",
	"个", "项", "家", "所", "人", "名", "位", "次", "场", "件", "亩", "吨", "台",
	"套", "篇", "部", "条", "座", "期", "届", "户", "支", "只", "款", "种", "类",
	"份", "例", "间", "栋", "处", "门", "批", "倍", "辆", "轮", "组", "笔",
	"章", "字",
	"%", "‰", "㎡", "元",
}

// TextUnits returns the units a figure in running text may carry, longest
// first, so that a scan prefers "个百分点" to "个" and "人次" to "人". The
// slice is a copy.
func TextUnits() []string {
	out := slices.Clone(textUnits)
	slices.SortStableFunc(out, func(a, b string) int {
		return utf8.RuneCountInString(b) - utf8.RuneCountInString(a)
	})
	return out
}
