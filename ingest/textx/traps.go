package textx

import (
	"strings"
	"unicode/utf8"
)

// idioms are set phrases and slogans written with numerals that count
// nothing: "五位一体" is not five persons, "四个意识" not four items.
var idioms = []string{
	"五位一体", "三位一体", "四位一体", "四个意识", "四个自信", "四个全面", "两个维护",
	"两个确立", "两个确保", "两个一百年", "三个代表", "四个一", "七个一", "三个支撑",
	"一个链条", "两个市场", "两种资源", "两只手", "三个转变", "十四五", "十三五", "十五五",
}

// trapped reports whether the figure at runes [a, b) is one of the things
// that look like figures but are not: ordinals (第一, 第十五届), vague counts
// (数十家), count words (一个, 一批), bare place values (百名, 千家万户),
// slogans (“一个链条、三个支撑”), names in quotes and titles, phases (二期).
func trapped(sc *scan, a, b int, rn run, u string, qualified bool) bool {
	prev := sc.at(rn.a - 1)
	switch {
	case prev == '第' || sc.titled[rn.a]:
		return true
	case rn.zh && strings.ContainsRune("数若几每", prev):
		return true // 数十家, 几百人: no figure stated
	case rn.valueOne && !moneyUnits[u] && u != "倍":
		return true // 一个, 一项: a count word; but "增长一倍多" is a figure
	case rn.bareBig && !qualified:
		return true
	case rn.zh && (sc.quoted[rn.a] || u == "期"):
		return true // “三个支撑”, 二期工程: names and phases
	case sc.quoted[rn.a] && strings.ContainsRune("”’」", sc.at(b)):
		return true // “创新发展16条”: a policy's short name
	case u == "期" && prev == '年':
		return true // "2021年4期": a journal issue
	case prev == '前' && (u == "名" || u == "位" || u == "%"):
		return true // "居全国前5位", "排名前1%": a rank, not five persons
	case u == "字" && rn.zh:
		return true // "八字方针", "十字路口": set phrases, not word counts
	case rn.zh && rn.b-rn.a == 1 && sc.rs[rn.a] == '零':
		return true // "汽车及零部件", "零的突破": no figure of nought is stated so
	case u == "位" && sc.at(b) == '数':
		return true // "保持两位数增长": double digits, not two persons
	case u == "部门" && sc.hasAt(b, "联合"):
		return true // "三部门联合发布": who published, not a count
	case u == "届" && namesSession(sc, b):
		return true
	case u == "次" && sessionMeeting(sc, rn, b):
		return true
	}
	return inIdiom(sc, a, b) || (rn.zh && u == "个" && inSeries(sc, rn, b)) || methodCount(sc, rn, b, u) || inDefinition(sc, a) || policyThreshold(sc, rn, b) ||
		sizeCondition(sc, rn, b) || denominator(sc, rn, b)
}

// sizeCondition reports whether the figure ending at rune b bounds the
// things a later figure counts: "年收入超过1亿元的企业22家", "年主营业务收入
// 2000万元及以上的工业法人单位".
func sizeCondition(sc *scan, rn run, b int) bool {
	if sc.hasAt(b, "及以上的") || sc.hasAt(b, "及以下的") {
		return true
	}
	if (sc.hasAt(b, "及以上") || sc.hasAt(b, "及以下")) && isHan(sc.at(b+3)) {
		return true // "淘汰20吨及以下直燃煤锅炉"
	}
	if sc.endsAt(b, "以上") && strings.ContainsRune(sizeUnitEnds, sc.at(b-3)) && boundsNoun(sc, b) {
		return true // "主营业务收入5亿元以上的工业企业", "总投资10亿元以上产业项目4个"; a share or a count ("90%以上的研发机构", "8家以上企业上市") is none
	}
	return sc.at(b) == '的' && endsWithAny(sc, rn.a, thresholdVerbs) && numeralWithin(sc, b+1, clauseEnd(sc, b))
}

// denominator reports whether the figure ending at rune b is the whole a
// rank is taken in: "在全省160家省级以上开发区中居第一位", "在101个国家创新型
// 城市中位列第1".
func denominator(sc *scan, rn run, b int) bool {
	cs := clauseStart(sc, rn.a)
	at := -1
	for k := rn.a - 1; k >= max(cs, rn.a-maxDenominatorLead); k-- {
		if sc.at(k) == '在' {
			at = k
			break
		}
	}
	if at < 0 || numeralWithin(sc, at+1, rn.a) {
		return false
	}
	end := clauseEnd(sc, b)
	for k := b; k < end; k++ {
		if sc.at(k) == '中' && (k+1 >= end || !isHan(sc.at(k+1)) || strings.ContainsRune("居位排列的", sc.at(k+1))) {
			return true
		}
	}
	return false
}

// maxDenominatorLead is how far before the figure its 在 may stand: "在全省
// 160家…中".
const maxDenominatorLead = 6

// boundedNouns are what a threshold picks out: "超过1000万元的企业".
var boundedNouns = []string{"企业", "工业企业", "单位", "项目", "机构", "个人", "团队", "平台", "园区", "高校"}

// sizeUnitEnds end the units of a size that bounds what it qualifies: 元,
// 吨, 亩, 平方米.
const sizeUnitEnds = "元吨亩米"

// maxNounLead is how many runes may qualify a bounded noun: "产业项目".
const maxNounLead = 2

// boundsNoun reports whether a bounded noun (see boundedNouns) follows rune
// b, after an optional 的 and up to maxNounLead runes that qualify it.
func boundsNoun(sc *scan, b int) bool {
	if sc.at(b) == '的' {
		b++
	}
	for k := b; k <= b+maxNounLead; k++ {
		if k > b && !isHan(sc.at(k-1)) {
			return false
		}
		if _, ok := startingAt(sc, k, boundedNouns); ok {
			return true
		}
	}
	return false
}

// thresholdVerbs compare a value with a policy's threshold.
var thresholdVerbs = []string{"突破", "超过", "达到", "不低于", "不少于", "高于"}

// policyThreshold reports whether the figure ending at rune b is a condition
// of a policy rather than a stated figure: "首次突破10亿元的工业企业",
// "对研发投入超过500万元且增幅达到10%的企业". The clause opens with 对 or says
// 首次 before it, a comparing verb stands right before the numeral, and the
// figure qualifies what follows with 的 (after an optional 且 condition).
func policyThreshold(sc *scan, rn run, b int) bool {
	verb := endsWithAny(sc, rn.a, thresholdVerbs)
	if (verb || sc.endsAt(rn.a, "过")) && sc.at(b) == '的' {
		if _, ok := startingAt(sc, b+1, boundedNouns); ok {
			return true // "研发投入超过1000万元的企业", "年营业收入过10亿元的工业企业", wherever it stands
		}
	}
	if !verb {
		return againstThreshold(sc, rn, b)
	}
	cs := clauseStart(sc, rn.a)
	if cs == 0 {
		cs = utf8.RuneCountInString(sc.text[:markerLen(sc.text)]) // "（二）对…"
	}
	if sc.at(cs) != '对' && !hasWordIn(sc, cs, rn.a, []string{"首次", "将对", "并对", "要对"}) {
		return false
	}
	if sc.at(b) == '的' {
		return true
	}
	if sc.at(b) != '且' {
		return false
	}
	for k := b; k < clauseEnd(sc, b); k++ {
		if sc.at(k) == '的' {
			return true
		}
	}
	return false
}

// againstThreshold reports whether the figure ending at rune b, 以上 at its
// end, is the threshold of a clause opening with 对 that goes on to what it
// qualifies: "对年度研发投入在1000万元以上且增幅较大的企业".
func againstThreshold(sc *scan, rn run, b int) bool {
	cs := clauseStart(sc, rn.a)
	if sc.at(cs) != '对' || !sc.endsAt(b, "以上") {
		return false
	}
	for k := b; k < len(sc.rs) && !strings.ContainsRune("。；;", sc.at(k)); k++ {
		if sc.at(k) == '的' {
			return true
		}
	}
	return false
}

// conditionWords state the conditions of a definition: "（研发投入强度达到5%
// 且年营业收入超过5亿元）".
var conditionWords = []string{"且", "达到", "超过", "不低于", "不少于", "以上"}

// inDefinition reports whether rune a stands in a bracketed aside that
// defines the quoted term right before it: "“双五”（内部研发投入强度达到5%且
// 年营业收入超过5亿元）企业" states what a 双五 firm is, not figures.
func inDefinition(sc *scan, a int) bool {
	if !sc.paren[a] {
		return false
	}
	open := a
	for open > 0 && sc.paren[open-1] {
		open--
	}
	if sc.at(open) != '（' && sc.at(open) != '(' {
		open-- // the bracket itself may stand outside the aside
	}
	if q := sc.at(open - 1); q != '”' && q != '"' {
		return false
	}
	end := a
	for end < len(sc.rs) && sc.paren[end] {
		end++
	}
	return hasWordIn(sc, open, end, conditionWords)
}

// methodNouns follow the counts that describe how a study was made, not
// what it found: "从四个维度选取18项指标", "五个方面".
var methodNouns = []string{"方面", "维度", "角度", "层面", "指标", "一级指标", "二级指标", "个指标"}

// rankMoves before 名 or 位 move a rank: "晋升8名以上" is no count of persons.
var rankMoves = []string{"晋升", "提升", "上升", "前移", "晋位", "进位", "下降", "后移"}

// methodCount reports a count of a method's parts or a move in a ranking.
func methodCount(sc *scan, rn run, b int, u string) bool {
	if _, ok := startingAt(sc, b, methodNouns); ok {
		return true
	}
	_, moved := endingAt(sc, rn.a, rankMoves)
	return moved && (u == "名" || u == "位")
}

// sessionWords follow a 届 that names a session rather than counting them:
// "市十五届人大代表", "区十三届政协三次会议", "党的十九届五中全会".
var sessionWords = []string{"人大", "政协", "全国", "中央", "中共", "党", "委", "全会", "代表", "会议",
	"人民代表", "一次", "二次", "三次", "四次", "五次", "六次", "七次", "八次", "九次", "第",
	"一中", "二中", "三中", "四中", "五中", "六中", "七中", "历次"}

// namesSession reports whether the 届 ending at rune b names a session.
func namesSession(sc *scan, b int) bool {
	_, ok := startingAt(sc, b, sessionWords)
	return ok
}

// sessionMeeting reports whether "三次会议" is the numbered meeting of a
// session ("十三届政协三次会议") rather than three meetings.
func sessionMeeting(sc *scan, rn run, b int) bool {
	if _, ok := startingAt(sc, b, []string{"会议", "全会", "全体会议", "常委会"}); !ok {
		return false
	}
	for k := rn.a - 1; k >= max(0, rn.a-6); k-- {
		if sc.rs[k] == '届' {
			return true
		}
	}
	return false
}

// inIdiom reports whether runes [a, b) overlap one of the idioms.
func inIdiom(sc *scan, a, b int) bool {
	for _, w := range idioms {
		n := len([]rune(w))
		for s := max(0, a-n+1); s < b; s++ {
			if sc.hasAt(s, w) {
				return true
			}
		}
	}
	return false
}

// maxSloganNoun bounds the noun of a slogan item: "三个支撑", "两个确保".
const maxSloganNoun = 4

// inSeries reports whether "N个" heads a slogan series such as
// "一个链条、三个支撑": Chinese numeral + 个 + a short noun, repeated after 、.
func inSeries(sc *scan, rn run, b int) bool {
	for k := b; k <= b+maxSloganNoun && k < len(sc.rs); k++ {
		if sc.rs[k] == '、' {
			return k > b && sloganItemAt(sc, k+1)
		}
		if !isHan(sc.rs[k]) {
			return false
		}
	}
	return false
}

// sloganItemAt reports whether a Chinese numeral followed by 个 starts at i.
func sloganItemAt(sc *scan, i int) bool {
	rn := readRun(sc, i)
	return rn.b > rn.a && rn.zh && sc.at(rn.b) == '个'
}

func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }
