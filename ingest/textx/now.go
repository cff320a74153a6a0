package textx

import (
	"strings"
	"time"

	"github.com/zibo-kj/corridor/vocab"
)

// nowWords mark a sentence that speaks of the present or the future, or
// states a standing rule: "下一步，联盟将…", "目前…", "区财政每年安排…",
// "对新认定的…给予50万元奖励", "…投入运作以来，共接待…", "近年来，…",
// "齐创大厦正在加快建设，建筑面积约8.5万平方米". The
// year an earlier paragraph told of ("2022年，…") does not date the figures
// after such a word; they are the document's own.
var nowWords = []string{"下一步", "今后", "力争", "目前", "如今", "当前", "现有", "以来", "每年", "给予", "正在",
	"近年来", "近几年", "近些年"}

// futureAfter follow 将 when it marks the future ("双方将共建三大平台"), not
// an object ("将21条建议纳入…").
var futureAfter = []string{"共建", "共同", "在", "于", "继续", "进一步", "重点", "加快", "实施", "建设", "新建",
	"设立", "全面", "着力", "持续", "推动", "推进", "围绕", "打造", "开展", "组织", "投入", "安排", "建立",
	"聚焦", "积极", "依托", "携手", "深化", "加强", "加大", "争取", "启动", "培育", "引进", "新增", "支持"}

// nowBefore reports whether a word of now, or a 将 of the future, stands
// within runes [0, p) of the sentence.
func nowBefore(sc *scan, p int) bool {
	if hasWordIn(sc, 0, p, nowWords) {
		return true
	}
	for k := 0; k < min(p, len(sc.rs)); k++ {
		if sc.rs[k] == '将' {
			if _, ok := startingAt(sc, k+1, futureAfter); ok {
				return true
			}
		}
	}
	return false
}

// speaksOfNow reports whether the sentence speaks of now or of the future.
func speaksOfNow(sc *scan) bool {
	return nowBefore(sc, len(sc.rs))
}

// forSentence returns the flow as it holds for one sentence: without the
// story year when the sentence speaks of now.
func (fl *flow) forSentence(now bool) *flow {
	if !now || fl.story == nil {
		return fl
	}
	v := *fl
	v.story = nil
	return &v
}

// openingNowWords, opening a sentence (or its clause after a short lead-in:
// "会上通报，去年全市…"), date the paragraph by the document's own time:
// "今年是…开局之年。全区将…", "如今，…", "近年来，…", "去年全市…", and a
// report's "过去的一年，…" or "过去五年，…" (up to the year before the
// document's: a report of January 2023 looks back on 2018–2022).
var openingNowWords = []struct {
	word  string
	grain vocab.Grain
	years int  // years back from the document's year
	span  bool // a span of years: up to last year only early in the year
}{
	{"今年", vocab.GrainYear, 0, false}, {"如今", vocab.GrainMonth, 0, false}, {"目前", vocab.GrainMonth, 0, false},
	{"当前", vocab.GrainMonth, 0, false}, {"近年来", vocab.GrainYear, 0, false}, {"近几年", vocab.GrainYear, 0, false},
	{"近些年", vocab.GrainYear, 0, false}, {"去年", vocab.GrainYear, 1, false},
	{"刚刚过去的一年", vocab.GrainYear, 1, false}, {"过去的一年", vocab.GrainYear, 1, false}, {"过去一年", vocab.GrainYear, 1, false},
	{"过去五年", vocab.GrainYear, 1, true}, {"过去5年", vocab.GrainYear, 1, true}, {"过去的五年", vocab.GrainYear, 1, true},
	{"过去几年", vocab.GrainYear, 1, true}, {"五年来", vocab.GrainYear, 1, true}, {"一年来", vocab.GrainYear, 1, true},
	{"两年来", vocab.GrainYear, 1, true}, {"三年来", vocab.GrainYear, 1, true}, {"十年来", vocab.GrainYear, 1, true},
	{"五年间", vocab.GrainYear, 1, true}, {"三年间", vocab.GrainYear, 1, true}, {"十年间", vocab.GrainYear, 1, true},
	{"多年来", vocab.GrainYear, 1, true}, {"几年来", vocab.GrainYear, 1, true}, {"这些年", vocab.GrainYear, 1, true},
	{"这几年", vocab.GrainYear, 1, true},
}

// lateMonth is the first month in which a report's "过去的一年" is the
// document's own year: a review dated in December looks back on that year.
const lateMonth = time.November

// earlyMonth is the last month in which a span of years told to now
// ("过去五年，…") ends with the year before: a report of January to March
// looks back on the years completed.
const earlyMonth = time.March

// openingNow returns the period a sentence opens with when its first words
// are a word of now (see openingNowWords), read against the document's
// date doc; nil when it opens otherwise or doc is unknown. past is true for
// last year (去年): the year the text goes on to tell of, but not of the
// paragraph's sentences that speak of now ("全市现有…"). "去年以来" is a
// span to now, not last year.
func openingNow(sc *scan, doc time.Time) (open *vocab.Period, past bool) {
	if doc.IsZero() {
		return nil, false
	}
	at := []int{0}
	if w, ok := startingAt(sc, 0, reviewWords); ok {
		at = append(at, len([]rune(w))) // "回看去年，…", "回顾过去五年，…"
	}
	if end, ok := leadIn(sc); ok {
		at = append(at, end+1) // "会上通报，去年…", "市科技局局长于秀栋表示，过去的一年，…"
	}
	for _, i := range at {
		if p, past, ok := nowWordAt(sc, i, doc); ok {
			return p, past
		}
	}
	return nil, false
}

// nowWordAt reads a word of openingNowWords at rune i against the
// document's date doc (see openingNow).
func nowWordAt(sc *scan, i int, doc time.Time) (open *vocab.Period, past, ok bool) {
	for _, w := range openingNowWords {
		n := len([]rune(w.word))
		if sc.hasAt(i, w.word) && (w.years == 0 || !sc.hasAt(i+n, "以来")) {
			years := w.years
			if strings.Contains(w.word, "过去") && doc.Month() >= lateMonth ||
				w.span && doc.Month() > earlyMonth {
				years = 0 // a review of December, a span of years told in June: to now
			}
			p := periodOf(doc, doc.Year(), w.grain, years)
			return &p, w.years > 0, true
		}
	}
	return nil, false, false
}

// reviewWords open a look back on a period: "回顾“十二五”，…年均增长9.6%"
// tells of the plan's years, "回看去年，…" of last year, "回顾了过去五年" of
// the years before a January report.
var reviewWords = []string{"回顾", "回看", "回首", "盘点"}

// reviewed returns the past a sentence without figures says the text looks
// back on: "1月19日提请审议的政府工作报告，回顾了过去五年的发展历程。" — the
// figures after it are of the years up to the one before a January
// report, not of the day of the meeting. nil when it says none.
func reviewed(sc *scan, doc time.Time) *vocab.Period {
	if doc.IsZero() {
		return nil
	}
	for i := range sc.rs {
		w, ok := startingAt(sc, i, reviewWords)
		if !ok {
			continue
		}
		k := i + len([]rune(w))
		if sc.at(k) == '了' {
			k++
		}
		if p, past, ok := nowWordAt(sc, k, doc); ok && past {
			return p
		}
	}
	return nil
}

// sinceOpening reports whether the sentence's first clause ends in 以来 and
// names no year ("基金设立以来，累计争取项目358项"), or it opens with 此后:
// it counts to now.
func sinceOpening(sc *scan) bool {
	if sc.hasAt(0, "此后") {
		return true // "此后淄博已连续承办15届"
	}
	end := clauseEnd(sc, 0)
	return end < len(sc.rs) && end >= 2 && sc.endsAt(end, "以来") && !numeralWithin(sc, 0, end)
}

// eventWords place a paragraph at the event the document reports ("会上，
// 两市签约合作项目36个"): its date, not the year an earlier paragraph told of.
var eventWords = []string{"会上", "会议上", "仪式上", "活动现场", "签约现场", "会议期间", "活动期间"}

// nowParagraph reports whether the sentence is the first of a paragraph and
// speaks of now or the future, or of the event reported, before its first
// figure, dating nothing itself ("根据协议，双方将共建三大平台。"): the paragraph is the document's,
// not the year an earlier paragraph told of.
func nowParagraph(sc *scan, first bool, dates []mention, figs []figure) bool {
	upTo := len(sc.rs)
	if len(figs) > 0 {
		upTo = figs[0].a
	}
	if !first || !nowBefore(sc, upTo) && !hasWordIn(sc, 0, upTo, eventWords) {
		return false
	}
	for _, m := range dates {
		if m.role == roleOwn {
			return false
		}
	}
	return true
}
