package textx

import "strings"

// maxMetricRunes caps a metric phrase: it names what is counted, it does not
// retell the sentence.
const maxMetricRunes = 16

// afterStops end the noun written after a figure: "1亿元资金用于…" → 资金.
var afterStops = []string{"用于", "用来", "以及", "其中", "同比", "分别", "通过", "参与", "参加", "实现",
	"带动", "累计", "获得", "正在", "进行", "涉及", "覆盖", "落地", "入驻", "达到", "增长", "增加",
	"开展", "建立", "实施", "签订", "签署", "达成", "获批", "入选", "担任", "到",
	"和", "与", "及", "在", "为", "是", "等", "并", "占", "比", "较", "获", "被", "已", "将", "均",
	"都", "也", "还", "又", "共", "的"}

// nounAfter returns the noun phrase written right after the figure ending at
// rune b: "3家省级备案众创空间" → 省级备案众创空间.
func nounAfter(sc *scan, b int) string {
	if sc.at(b) == '的' {
		b++
	}
	end := b
	for end < len(sc.rs) && end-b < maxMetricRunes && isHan(sc.rs[end]) && !hasStopAt(sc, end, b) {
		end++
	}
	return sc.slice(b, end)
}

func hasStopAt(sc *scan, i, start int) bool {
	if i == start {
		if _, ok := startingAt(sc, i, nounsWithStops); ok {
			return false
		}
	}
	for _, w := range afterStops {
		if sc.hasAt(i, w) {
			return true
		}
	}
	return false
}

// nounsWithStops open with a stop rune yet are nouns: "52家在孵企业".
var nounsWithStops = []string{"在孵", "共建", "占比", "比重", "和谐"}

// genericNouns say only that money is money; the verb before them says what
// it did: "拨付1亿元资金" is 拨付资金.
var genericNouns = map[string]bool{"资金": true, "经费": true, "奖励": true, "补助": true, "补贴": true,
	"奖补": true, "资助": true, "财政资金": true, "奖补资金": true}

// linkTails end the words before a figure without saying what is counted:
// "高新技术企业达到120家" → 高新技术企业.
var linkTails = []string{"达到了", "分别为", "分别达", "分别", "预计达到", "达到", "共计", "合计", "共有", "总计",
	"累计", "总数", "数量", "总量", "已达", "预计", "完成", "实现", "仅为", "最高", "最低", "达",
	"为", "共", "计", "有", "了", "已", "是", "仅", "约有", "新增了", "的", "和", "及", "与"}

// leadWords open the words before a figure without saying what is counted.
var leadWords = []string{"截至目前", "截止目前", "其中", "目前", "同时", "另外", "此外", "今年",
	"去年", "年内", "全年", "每年度", "每年", "年均", "累计", "共计", "已经", "已", "并", "还", "又", "均",
	"一是", "二是", "三是", "四是", "五是", "力争", "确保", "争取", "推动", "将", "现有", "已有", "拥有", "共有",
	"的", "和", "及", "与", "以来", "分别"}

// subjectWords name who did something, not what is counted: "驻济高校共建平台"
// counts 共建平台. They are cut when something follows them.
var subjectWords = []string{"高校", "院所", "企业", "单位", "政府", "财政", "部门", "我市", "全市", "本市",
	"我区", "全区", "我省", "全省", "双方", "两市", "两地"}

// minCutRunes is what must remain after a subject for the cut to be made:
// "驻济高校|共建平台" is cut, "高新技术企业|申报" is not (a verb alone
// names nothing).
const minCutRunes = 3

// phraseBefore returns the words before the figure starting at rune a, back
// to the start of its clause, the previous figure (at rune from) or the last
// list mark, with subjects, partners and linking words cut away.
func phraseBefore(sc *scan, a, from int, cut []bool) string {
	s := max(clauseStart(sc, a), from, a-2*maxMetricRunes) // a metric is short: look back only so far
	for k := a - 1; k >= s; k-- {
		if strings.ContainsRune("、（(《》 ", sc.rs[k]) || sc.rs[k] == '等' || cut[k] {
			s = k + 1
			break
		}
	}
	for k := a - 1; k > s; k-- { // a subject with something after it
		rest := []rune(trimWords(sc.slice(k, a), linkTails, false))
		if _, ok := endingAt(sc, k, subjectWords); ok && len(rest) >= minCutRunes {
			s = k
			break
		}
	}
	phrase := stripQuotes(sc.slice(s, a))
	phrase = trimWords(phrase, linkTails, false)
	phrase = trimWords(stripLeadingDate(phrase), leadWords, true)
	return strings.TrimSpace(phrase) // capped once cleaned: see capMetric
}

// quoteMarks removes quotation marks; a Replacer is safe for concurrent use.
var quoteMarks = strings.NewReplacer("“", "", "”", "", "‘", "", "’", "", "\"", "", "《", "", "》", "")

// stripQuotes drops quotation marks: “飞地孵化器” names what is counted.
func stripQuotes(s string) string { return quoteMarks.Replace(s) }

// stripLeadingDate drops a date opening a phrase: "到2025年建成…" → 建成….
func stripLeadingDate(s string) string {
	rest := s
	for _, w := range []string{"截至", "到", "至", "在"} {
		rest = strings.TrimPrefix(rest, w)
	}
	i := strings.IndexFunc(rest, func(r rune) bool { return !isASCIIDigit(r) })
	if i != 4 || !strings.HasPrefix(rest[i:], "年") {
		return s
	}
	rest = rest[i+len("年"):]
	for _, w := range []string{"年底", "年末", "底", "末", "初", "以来", "，"} {
		rest = strings.TrimPrefix(rest, w)
	}
	return rest
}

// endingAt reports which of words ends right before rune i.
func endingAt(sc *scan, i int, words []string) (string, bool) {
	for _, w := range words {
		if sc.endsAt(i, w) {
			return w, true
		}
	}
	return "", false
}

// trimWords strips words from the front (lead) or the back of s, repeatedly.
func trimWords(s string, words []string, lead bool) string {
	for changed := true; changed; {
		changed = false
		for _, w := range words {
			if lead && strings.HasPrefix(s, w) && len(s) > len(w) {
				s, changed = s[len(w):], true
			} else if !lead && strings.HasSuffix(s, w) {
				s, changed = s[:len(s)-len(w)], true
			}
		}
	}
	return s
}

// isLevelOnly reports whether a phrase only names a level ("其中国家级2家"):
// the figure then counts the same thing as the figure before it.
func isLevelOnly(p string) bool {
	p = strings.TrimSuffix(p, "以上")
	for _, w := range levelWords {
		if p == w.word {
			return true
		}
	}
	return p == "" || p == "区级" || p == "县级"
}
