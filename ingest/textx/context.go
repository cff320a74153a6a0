package textx

// clauseMarks end a clause inside a sentence. 、 is not among them: it joins
// items of one list ("山东大学、山东科技大学").
const clauseMarks = "，,；;：:。！？!?"

// clauseStart returns the first rune of the clause holding rune p.
func clauseStart(sc *scan, p int) int {
	return sc.cstart[max(0, min(p, len(sc.rs)))]
}

// clauseEnd returns the end (exclusive) of the clause holding rune p.
func clauseEnd(sc *scan, p int) int {
	return sc.cend[max(0, min(p, len(sc.rs)))]
}

// perYearWords mark a recurring yearly figure: "市财政每年拨付1亿元".
var perYearWords = []string{"每年度", "每年", "年均", "平均每年", "每一年"}

// stockWords mark a stock to date rather than a flow: "累计建成", "已建设".
// 共 counts only as "共有", "共计", or right before the figure, since 共建,
// 共享 and 共同 are everywhere in these texts.
var stockWords = []string{"累计", "已建设", "已建成", "已认定", "已培育", "已引进", "已备案",
	"已累计", "已有", "现有", "共有", "共计", "合计", "总数", "总量", "拥有", "共建成", "共认定",
	"共培育", "共引进", "共完成", "共签订", "共组织", "共举办", "共实施"}

// sentenceStockWords govern the whole sentence when they open it:
// "截至目前，…共建平台30余个，联合开展项目合作70多项".
var sentenceStockWords = []string{"截至", "截止", "迄今", "至今"}

// hasWordIn reports whether any of words occurs within runes [a, b).
func hasWordIn(sc *scan, a, b int, words []string) bool {
	_, ok := sc.hitsOf(words).last(a, b)
	return ok
}

// isPerYear reports whether the figure's clause says it recurs each year.
func isPerYear(sc *scan, f figure) bool {
	return hasWordIn(sc, clauseStart(sc, f.a), clauseEnd(sc, f.b), perYearWords)
}

// isCumulative reports whether the figure is a stock to date.
func isCumulative(sc *scan, f figure) bool {
	if hasWordIn(sc, 0, f.a, sentenceStockWords) {
		return true
	}
	if sc.endsAt(f.a, "共") || sc.endsAt(f.a, "总计") {
		return true
	}
	return hasWordIn(sc, clauseStart(sc, f.a), f.a, stockWords)
}

// levelWords name the level of a carrier or platform, longest first.
var levelWords = []struct{ word, level string }{
	{"国家级", "national"}, {"国家重点", "national"}, {"国家工程", "national"}, {"国家企业技术中心", "national"},
	{"国家技术创新", "national"}, {"国家", "national"},
	{"省级", "provincial"}, {"省重点", "provincial"}, {"省工程", "provincial"}, {"省企业技术中心", "provincial"},
	{"市级", "municipal"}, {"市重点", "municipal"},
}

// levelWordList is levelWords' words, for the per-sentence word index.
var levelWordList = func() []string {
	out := make([]string, len(levelWords))
	for i, w := range levelWords {
		out[i] = w.word
	}
	return out
}()

// levelIn returns the level named closest to the end of runes [a, b).
func levelIn(sc *scan, a, b int) string {
	if w, ok := sc.hitsOf(levelWordList).last(a, b); ok {
		return levelWords[w].level
	}
	return ""
}

// levelCodes are the metric codes for which a level in the clause applies.
var levelCodes = map[string]bool{
	"platforms": true, "carriers_makerspace": true, "carriers_incubator": true,
	"carriers_accelerator": true, "carriers_park": true,
}
