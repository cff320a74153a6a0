package textx

import (
	"strings"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/vocab"
)

// RankUnit is the unit of a rank ("位居全省第3位" is 3 位次): a place in
// an ordering, not a count.
const RankUnit = "位次"

// rankVerbs place something in an ordering: 居, 位居, 位列, 列, 名列, 排名,
// 跃升至, 位于, 保持, 取得 (第三名), 为 (2013年为第95位).
var rankVerbs = []string{"居", "列", "排", "升至", "位于", "进至", "保持", "取得", "获得", "荣获", "为"}

// maxRankLead is how far before 第 the rank verb may stand: "分别列全省第三
// 和第四" reaches the second rank.
const maxRankLead = 10

// durationUnits follow 连续N: "连续4年", "连续12个月", "连续三届".
var durationUnits = []string{"个月", "年", "届"}

// durationLeads stand before the length of a span of time: "合作已持续10
// 余年", "筹备了四个多月", "明确了未来5年的布局", "一签就是10年", "经过20年的
// 发展", "用3年时间".
var durationLeads = []string{"持续", "长达", "历时", "为期", "未来", "筹备了", "就是", "用了", "用", "经过"}

// lasting reads a length of time at rn after a duration lead: a duration
// unit, after 余 or 多 (at least) when one stands between.
func lasting(sc *scan, rn run) ([]figure, int, bool) {
	b, more := rn.b, false
	if sc.at(b) == '余' || sc.at(b) == '多' {
		b, more = b+1, true
	}
	units := durationUnits
	if sc.hasAt(rn.b, "个多月") {
		b, more, units = rn.b+2, true, []string{"月"} // "四个多月"
	}
	for _, u := range units {
		if !sc.hasAt(b, u) {
			continue
		}
		unit := u
		if u == "月" {
			unit = "个月"
		}
		fs, end, ok := counted(sc, rn, rn.a, b+utf8.RuneCountInString(u), unit)
		if ok && more {
			fs[0].q = vocab.AtLeast
		}
		return fs, end, ok
	}
	return nil, rn.b, false
}

// termWords name a term before its length: "研究期1年", "建设期为3年".
var termWords = []string{"期", "期为", "期限", "期限为", "周期为"}

// maxContinuedVerb is how many runes may stand between 连续 and a
// duration: the verb of "连续支持3年".
const maxContinuedVerb = 2

// continuedVerb reports whether 连续 and a short verb stand before rune i.
func continuedVerb(sc *scan, i int) bool {
	for k := 1; k <= maxContinuedVerb; k++ {
		if !isHan(sc.at(i-k)) || strings.ContainsRune(yearDigits+"十百千万", sc.at(i-k)) {
			return false
		}
		if sc.endsAt(i-k, "连续") {
			return true
		}
	}
	return false
}

// nameCountStops follow 大 in words that do not count: 三大学, 两大会.
const nameCountStops = "学会型力量幅多部概众道批"

// special reads the figures that the unit table cannot: ranks (第3位,
// 首位) and moves in a ranking (提升5个位次), durations (连续4年, 连续第四年) and counts inside names (六大创新
// 平台). ok is false when the numeral at rn is none of them.
func special(sc *scan, rn run) ([]figure, int, bool) {
	prev, di := sc.at(rn.a-1), rn.a-1
	if prev == ' ' && sc.at(rn.a-2) == '第' {
		prev, di = '第', rn.a-2 // "第 4 位"
	}
	switch {
	case prev == '第' && sc.endsAt(rn.a-1, "连续") && sc.at(rn.b) == '年':
		return counted(sc, rn, rn.a-1, rn.b+1, "年")
	case prev == '第' && isRank(sc, rn):
		end := rn.b
		if sc.at(end) == ' ' && strings.ContainsRune("位名", sc.at(end+1)) {
			end++
		}
		if strings.ContainsRune("位名", sc.at(end)) {
			end++
		}
		return counted(sc, rn, di, end, RankUnit)
	case prev != '第' && !strings.ContainsRune("这這此该該每", prev) && (sc.hasAt(rn.b, "个"+RankUnit) || sc.hasAt(rn.b, RankUnit)):
		// a move in an ordering: "较上年提升5个位次" is 5 位次, not 5 个;
		// "保持这一位次" is no figure
		end := rn.b + utf8.RuneCountInString(RankUnit)
		if sc.at(rn.b) == '个' {
			end++
		}
		return counted(sc, rn, rn.a, end, RankUnit)
	case sc.at(rn.b) == '位' && !isHan(sc.at(rn.b+1)) && endsWithAny(sc, rn.a, rankMoves):
		return counted(sc, rn, rn.a, rn.b+1, RankUnit) // "较上年前移2位" (a rule's "晋升8名以上为…" stays no figure: see methodCount)
	case endsWithAny(sc, rn.a, durationLeads) && rn.b-rn.a <= 3: // not a year: "持续到2025年"
		if fs, end, ok := lasting(sc, rn); ok {
			return fs, end, true
		}
	case sc.endsAt(rn.a, "连续") || continuedVerb(sc, rn.a) || endsWithAny(sc, rn.a, termWords) ||
		(sc.at(rn.a-1) == ' ' && sc.endsAt(rn.a-1, "连续")):
		b := rn.b
		if sc.at(b) == ' ' {
			b++ // "连续 6 个月"
		}
		for _, u := range durationUnits {
			if sc.hasAt(b, u) {
				return counted(sc, rn, rn.a, b+utf8.RuneCountInString(u), u)
			}
		}
	case rn.zh && rn.b-rn.a == 1 && !rn.valueOne && !rn.bareBig && prev != '第' && sc.at(rn.b) == '大' &&
		isHan(sc.at(rn.b+1)) && !strings.ContainsRune(nameCountStops, sc.at(rn.b+1)):
		return counted(sc, rn, rn.a, rn.b+1, "个")
	}
	return nil, rn.b, false
}

// isRank reports whether "第N" at rn is a rank: a rank verb stands
// shortly before it in its clause, and no counting unit (批, 届, 次) follows.
func isRank(sc *scan, rn run) bool {
	if next := sc.at(rn.b); isHan(next) && !strings.ContainsRune("位名和与及", next) {
		return false
	}
	from := max(clauseStart(sc, rn.a), rn.a-1-maxRankLead)
	_, ok := sc.hitsOf(rankVerbs).last(from, rn.a-1)
	if !ok && sc.at(rn.a-1) == ' ' {
		_, ok = sc.hitsOf(rankVerbs).last(max(from-1, 0), rn.a-2)
	}
	return ok
}

// firstPlace reads "居全国首位" at rune i (the 首 of 首位) as rank 1.
func firstPlace(sc *scan, i int) (figure, bool) {
	if sc.rs[i] != '首' || sc.at(i+1) != '位' {
		return figure{}, false
	}
	from := max(clauseStart(sc, i), i-maxRankLead)
	if _, ok := sc.hitsOf(rankVerbs).last(from, i); !ok {
		return figure{}, false
	}
	return figure{a: i, b: i + 2, unit: RankUnit, value: 1}, true
}

// counted makes the figure spanning runes [a, b) whose numeral is rn.
func counted(sc *scan, rn run, a, b int, unit string) ([]figure, int, bool) {
	n, err := vocab.ParseNumber(sc.folded(rn.a, rn.b))
	if err != nil {
		return nil, b, false
	}
	return []figure{{a: a, b: b, unit: unit, value: n.Value, q: n.Qualifier, zh: rn.zh}}, b, true
}
