package textx

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/vocab"
)

// flow carries the dates that reach beyond their sentence, in reading
// order: the period in the title ("淄博市科学技术局2022年工作总结"), in the
// current numbered heading ("三、2023年工作打算") and at the opening of the
// current paragraph ("2020年，全市…。高新技术企业达到…").
type flow struct {
	title   *vocab.Period
	heading *vocab.Period
	kind    int // marker kind of the heading that set heading
	lead    *vocab.Period
	// story is the last paragraph-opening date seen: the year the text is
	// telling about, which a later undated paragraph still speaks of.
	story *vocab.Period
	// review is the past the whole document looks back on ("…报告，回顾了过去
	// 五年…"): the year told of again at each subheading.
	review *vocab.Period
	// paraFirst is true while the sentence is the first of its paragraph.
	paraFirst bool
	// semi is the last date of the sentence before when a semicolon ended
	// it: "到2023年，全区培育企业1000家；90%以上的研发机构设在企业。" — the
	// clause after the semicolon goes on with the same date. carry holds it
	// until the next sentence starts.
	semi, carry *vocab.Period
	// semiFrom and carryFrom are, likewise, the year a change starts from in
	// that sentence ("从2012年到2021年，…从705亿元增长到1059亿元；制造业增加值从
	// 110亿元…"): a change after the semicolon starts there too.
	semiFrom, carryFrom *vocab.Period
	// back is the date of a sentence without figures that looks back on
	// the paragraph's figures ("这组数字记录了周村区2013年…"): it dates those
	// of them nothing in their own sentences dated. Extract applies and
	// clears it.
	back *vocab.Period
}

// backWords are the words with which a sentence looks back on the figures
// before it.
var backWords = []string{"这组数字", "这组数据", "这些数字", "这些数据", "上述数字", "上述数据", "以上数字", "以上数据"}

// maxTitleRunes bounds what counts as a title: a short first line.
const maxTitleRunes = 40

// next moves to sentence s; gap is the text between it and the previous one.
func (fl *flow) next(gap string, s Sentence) {
	fl.semi, fl.carry = fl.carry, nil
	fl.semiFrom, fl.carryFrom = fl.carryFrom, nil
	if strings.ContainsAny(gap, "\n\r") {
		fl.semi, fl.semiFrom = nil, nil
		fl.lead = nil // a new paragraph: an opening date no longer carries over
		fl.paraFirst = true
	}
}

// opens records the dates sentence s sets for the sentences after it. A
// date opening the sentence, or the date of a sentence that states no
// figure ("近日，…通报2021年评价结果。"), dates the rest of the paragraph;
// so does open, the document's own time when the sentence opens with a word
// of now ("今年是…开局之年。"), when no date of its own opens it.
func (fl *flow) opens(sc *scan, s Sentence, dates []mention, figures bool, open *vocab.Period) {
	var first *vocab.Period
	at := 0
	for i := range dates {
		if dates[i].role == roleOwn {
			first, at = &dates[i].period, dates[i].a
			break
		}
	}
	if open != nil && (first == nil || at >= clauseEnd(sc, 0)) {
		first, at = open, 0
	}
	if _, ok := labelledDate(s.Text); ok {
		return // "发布时间：2014-11-20": the document's date, not the year the text tells of
	}
	if isTitle(s) && len(dates) > 0 {
		fl.title = &dates[0].period // "淄博市科技工作概况（2006年）": a title's date in brackets still dates it
		return
	}
	if n := markerLen(s.Text); n > 0 {
		k := markerKind(s.Text)
		switch {
		case first != nil:
			fl.heading, fl.kind = first, k
		case k == fl.kind || k == kindZh:
			fl.heading = nil // a sibling or a top-level heading ends the dated section
		}
		if k == kindZh {
			fl.story = nil // "二、重点任务": a new part no longer tells of the last year
		}
	}
	if first != nil && !figures && hasWordIn(sc, 0, len(sc.rs), backWords) {
		fl.back = first
		return
	}
	if first != nil && (at < clauseEnd(sc, 0) || afterLeadIn(sc, at) || afterDateline(sc, dates, at) || !figures) {
		switch {
		case endsWithAny(sc, at, horizonBefore):
			fl.lead = first // "《方案》提出，到2024年，…": the paragraph's targets, not the year told of
		case founding(sc, at) && (!figures || sc.endsAt(at, "于")):
			fl.lead = first // "园区2002年获批为省级高新区。": history, not the year told of
		case fl.story != nil && first.Start.Before(fl.story.Start) && sc.hasAt(0, "而"):
			fl.lead = first // "而在2010年，全市…仅有…": a look back, not where the text goes on
		default:
			fl.lead, fl.story = first, first
		}
	}
}

// moves lets the last date that dates a sentence's own figures ("…；今年前
// 三季度，这一比重提高到40.1%。") become the year the text tells of, once a
// paragraph has set one: the text has moved on to that year. dates are the
// sentence's explicit and relative dates.
// A horizon ("力争到2025年…") is where a target aims, not where the text
// has moved.
// The paragraph's opening date moves with a word of now: "2018年合作项目仅
// 6项，今年已增至38项。全县企业达到41家。" — the 41 are this year's.
func (fl *flow) moves(sc *scan, dates []mention) {
	last := lastOwn(sc, dates)
	if last == nil {
		return
	}
	switch {
	case fl.story == nil && fl.title == nil, fl.story != nil && !last.Start.Before(fl.story.Start):
		fl.story = last // a look back ("而在2010年，…仅有…") does not take the text back
	}
	if fl.lead != nil && lastIsRelative(sc, dates) {
		fl.lead = last
	}
}

// lastIsRelative reports whether the date lastOwn returns is a word of now
// or of last year (今年, 目前, 去年), not a year written out.
func lastIsRelative(sc *scan, dates []mention) bool {
	for i := len(dates) - 1; i >= 0; i-- {
		if dates[i].role == roleOwn && !endsWithAny(sc, dates[i].a, horizonBefore) {
			return dates[i].relative
		}
	}
	return false
}

// horizonBefore stand before a date a target aims at.
var horizonBefore = []string{"到", "至到"}

// lastOwn returns the last date of a sentence that dates its own figures,
// horizons left out.
func lastOwn(sc *scan, dates []mention) *vocab.Period {
	for i := len(dates) - 1; i >= 0; i-- {
		if dates[i].role == roleOwn && !endsWithAny(sc, dates[i].a, horizonBefore) {
			return &dates[i].period
		}
	}
	return nil
}

// maxLeadInRunes bounds a lead-in clause: "报告显示", "据统计", "数据表明".
const maxLeadInRunes = 6

// speechVerbs end a lead-in clause of any length: "市科技局局长于秀栋表示，
// 过去的一年，…".
var speechVerbs = []string{"表示", "介绍", "指出", "透露", "说"}

// leadIn returns where the sentence's first clause ends when that clause is
// a lead-in without numerals — short ("报告显示", "会上通报") or ending in a
// speech verb ("…局长于秀栋表示") — so that what the sentence says opens
// after it; ok is false otherwise.
func leadIn(sc *scan) (end int, ok bool) {
	end = clauseEnd(sc, 0)
	return end, (end <= maxLeadInRunes || endsWithAny(sc, end, speechVerbs)) && !numeralWithin(sc, 0, end)
}

// afterLeadIn reports whether rune at opens the second clause of a sentence
// whose first clause is a lead-in (see leadIn): in "报告显示，2020年全省…"
// the year opens what the sentence says, and dates the paragraph.
func afterLeadIn(sc *scan, at int) bool {
	end, ok := leadIn(sc)
	if at == end+2 && endsWithAny(sc, at, horizonBefore) {
		at-- // "《方案》提出，到2024年，…"
	}
	return ok && at == end+1
}

// foundingWords follow the date of a founding: "2002年获批为省级高新区",
// "基金于1999年设立".
var foundingWords = []string{"获批", "批准", "批复", "成立", "设立", "创建", "创办", "组建", "建立", "挂牌", "始建", "建区"}

// founding reports whether the date at rune at is that of a founding: a
// founding word follows it within its clause, or stands right before it
// with 于 ("论坛创办于2002年").
func founding(sc *scan, at int) bool {
	if sc.endsAt(at, "于") && endsWithAny(sc, at-1, foundingWords) {
		return true
	}
	return hasWordIn(sc, at, clauseEnd(sc, at), foundingWords)
}

// afterDateline reports whether rune at opens the clause after a dateline
// ("记者1月2日从市科技局获悉，2021年…"): that year opens what the news says.
func afterDateline(sc *scan, dates []mention, at int) bool {
	end := clauseEnd(sc, 0)
	if at != end+1 {
		return false
	}
	for _, m := range dates {
		if m.role == roleReport && m.a < end {
			return true
		}
	}
	return false
}

// maxSubheadingRunes bounds an unnumbered subheading line.
const maxSubheadingRunes = 24

// isSubheading reports whether sentence text, followed in the document by
// rest, is a line of its own that is a short subheading: no sentence
// punctuation, no numeral ("专营机构撑起科创融资“主渠道”"). A news story's
// new part does not go on with the year the last part told of.
func isSubheading(text, rest string) bool {
	if utf8.RuneCountInString(text) > maxSubheadingRunes || strings.ContainsAny(text, "。；;，,：:！？") {
		return false
	}
	if rest != "" && rest[0] != '\n' && rest[0] != '\r' {
		return false
	}
	sc := newScan(text)
	return !numeralWithin(sc, 0, len(sc.rs))
}

// isTitle reports whether s is the document's title: its short first line,
// which no full stop ends.
func isTitle(s Sentence) bool {
	return s.Index == 1 && utf8.RuneCountInString(s.Text) <= maxTitleRunes && !strings.ContainsAny(s.Text, "。；")
}

// goesOn keeps the last date of a sentence that a semicolon ends for the
// sentence after it (see semi); dates are its explicit dates.
func (fl *flow) goesOn(s Sentence, dates []mention) {
	if !strings.HasSuffix(s.Text, "；") && !strings.HasSuffix(s.Text, ";") {
		return
	}
	fl.carryFrom = changeStart(dates)
	for i := len(dates) - 1; i >= 0; i-- {
		if dates[i].role == roleOwn {
			fl.carry = &dates[i].period
			return
		}
	}
}

// changeStart returns the year a change starts from in a sentence with
// dates: the first year of its last span ("从2012年到2021年"), or its last
// base ("由2011年的1557亿元增加到…"); nil when it has neither.
func changeStart(dates []mention) *vocab.Period {
	for i := len(dates) - 1; i >= 0; i-- {
		switch {
		case dates[i].start != nil:
			return dates[i].start
		case dates[i].role == roleBase:
			return &dates[i].period
		}
	}
	return nil
}

// tells makes p the year the text tells of.
func (fl *flow) tells(p *vocab.Period) {
	fl.story = p
}

// context returns the period that holds when a sentence names none.
func (fl *flow) context() *vocab.Period {
	switch {
	case fl.semi != nil:
		return fl.semi
	case fl.lead != nil:
		return fl.lead
	case fl.heading != nil:
		return fl.heading
	case fl.story != nil:
		return fl.story
	}
	return fl.title
}

// year returns the year relative words (今年, 全年) refer to: that of the
// heading or title, else of the document's date, else 0.
func (fl *flow) year(doc time.Time) int {
	for _, p := range []*vocab.Period{fl.heading, fl.story, fl.title} {
		if p != nil {
			return p.Start.Year()
		}
	}
	if !doc.IsZero() {
		return doc.Year()
	}
	return 0
}
