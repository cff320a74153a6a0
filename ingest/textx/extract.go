package textx

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/vocab"
)

// Candidate is one stated figure found in a text, with what its sentence
// says about it. It is a candidate: a person or a rule confirms it before it
// becomes an observation.
type Candidate struct {
	// Kind is "figure" (a number with a unit) or "agreement" (a dated
	// signing event).
	Kind string
	// Span is the figure as written, qualifiers included: "30余个",
	// "1亿元", "超过100家", "3至5家"; for agreements the signing phrase.
	Span string
	// Value is the numeric value: money in yuan (1亿元 → 100000000), counts
	// with 万/亿 multiplied out (1.5万人 → 15000), the lower bound of a
	// range; 1 for agreements.
	Value float64
	// Unit is "元" for money, else the counting unit as written without its
	// multiplier: 个, 项, 家, 人, 人次, 次, 所, 件, 亩, %, 个百分点 …; "项" for
	// agreements.
	Unit string
	// Qualifier says how exact the figure is: 30余 is AtLeast, 近千 Approx.
	// A range is AtLeast its lower bound.
	Qualifier vocab.Qualifier
	// Metric is the phrase naming what the figure counts: "共建平台",
	// "联合开展项目合作", "拨付资金", "省级备案众创空间", "签订全面合作协议".
	Metric string
	// MetricCode is the catalogue code when the metric is recognised
	// ("platforms", "projects", "funding", "agreements", …), else "".
	MetricCode string
	// Level is "national", "provincial" or "municipal" when the sentence
	// states it for a carrier or platform.
	Level string
	// PlaceCode is the area code of the place the figure is about; the
	// author's own place (Options.HomePlace) when the sentence names none.
	PlaceCode string
	// Partners are the canonical names of the organisations named with the
	// figure (in its clause, else earlier in its sentence).
	Partners []string
	// Period is the date or period in context as vocab.Period.String()
	// ("2021-03-02", "2019-09", "2020"); "" when none.
	Period string
	// PerYear marks a recurring yearly figure: 每年, 年均, 每年度.
	PerYear bool
	// Cumulative marks a stock to date rather than a flow: 截至目前, 累计,
	// 已建设, 共有.
	Cumulative bool
	// Sentence is the index of the figure's sentence (see Sentences).
	Sentence int
	// Dated says where Period comes from: "stated" (the figure's own
	// sentence), "context" (the paragraph's opening date, the heading, the
	// title), "document" (the document's own date) or "" (no period: the
	// figure cannot be accepted until a reviewer gives one).
	Dated string
	// Evidence is the sentence exactly as written in the input.
	Evidence string
	// Offset is the byte offset of Span in the input text, so a reviewer's
	// view can mark the figure where it stands.
	Offset int
}

// Options tell Extract what the text itself leaves implicit.
type Options struct {
	// HomePlace is the author's place, as a name ("淄博", "淄川区") or an
	// area code ("370300"): what 我市, 本市 and 全市 mean, and the place of
	// figures whose sentence names none.
	HomePlace string
	// DocDate is the letter's date, for 目前 (its month) and 本年度 (its
	// year), and the period of figures nothing else dates. When zero,
	// FindDocPeriod(text) and then Doc are used.
	DocDate time.Time
	// Doc is the document's date at the grain it is known ("2022" for a
	// report of that year), for a text that states no date of its own.
	Doc vocab.Period
	// Aliases resolves organisation names; nil means vocab.DefaultAliases().
	Aliases *vocab.Aliases
}

// env is what Extract derives once per text from its options.
type env struct {
	home, province string
	doc            time.Time
	docPeriod      *vocab.Period // the document's own date, nil when unknown
	orgs           orgMatcher
	spellings      placeIndex
}

// Extract finds every stated figure and dated signing event in text and
// describes each from its sentence. Years, dates, document and phone
// numbers, list numbers, ordinals, slogans and the count word 一 are not
// figures. The result is in reading order.
func Extract(text string, o Options) []Candidate {
	e := env{home: resolveHome(o.HomePlace), province: provinceCode(), spellings: placeSpellings()}
	e.docPeriod = docPeriodOf(o, text)
	if e.docPeriod != nil {
		e.doc = e.docPeriod.Start
	}
	if o.Aliases == nil {
		o.Aliases = vocab.DefaultAliases()
	}
	e.orgs = newOrgMatcher(o.Aliases)
	var out []Candidate
	fl := flow{paraFirst: true}
	prevEnd, para := 0, 0 // para: where the current paragraph's candidates start in out
	for _, s := range Sentences(text) {
		gap := text[prevEnd:s.Start]
		if strings.ContainsAny(gap, "\n\r") {
			para = len(out)
		}
		fl.next(gap, s)
		if fl.paraFirst && s.Index > 1 && isSubheading(s.Text, text[s.End:]) {
			fl.story = fl.review // "政策“组合拳”分担银行风险": a new part of a news story
		}
		prevEnd = s.End
		out = append(out, e.sentence(text, s, &fl)...)
		fl.paraFirst = false
		if fl.back != nil {
			redate(out[para:], *fl.back)
			fl.back = nil
		}
	}
	return withoutRoundedHeadline(out)
}

// redate gives the figures among cs that only the context or the document
// dated the period p, which a later sentence states for them.
func redate(cs []Candidate, p vocab.Period) {
	for i := range cs {
		if cs[i].Kind == "figure" && (cs[i].Dated == "context" || cs[i].Dated == "document") {
			cs[i].Period, cs[i].Dated = p.String(), "stated"
		}
	}
}

// sentence extracts the candidates of one sentence.
func (e env) sentence(text string, s Sentence, fl *flow) []Candidate {
	sc := newScan(s.Text)
	open, past := openingNow(sc, e.doc) // "今年以来，…从1月5日至3月17日": this year's days
	lead := fl.lead
	if open != nil {
		lead = open
	}
	pastOpen := open
	if past {
		open = nil
	}
	dates := resolveYearless(findDates(sc), sc.paren, lead, fl.forSentence(speaksOfNow(sc)).year(e.doc), e.doc)
	classifyDates(sc, dates)
	markHistory(sc, dates, e.doc)
	fl.goesOn(s, dates)
	figs := findFigures(sc)
	if past {
		// "会上通报，去年全市…", "过去的一年，…": the year the text goes on to
		// tell of, not the paragraph's lead; a later date in the sentence
		// ("去年全市新增256家，今年…") still moves it on (see moves).
		fl.tells(pastOpen)
	}
	fl.opens(sc, s, dates, len(figs) > 0, open)
	if len(figs) == 0 {
		if p := reviewed(sc, e.doc); p != nil {
			fl.lead, fl.story, fl.review = p, p, p // "…报告，回顾了过去五年的发展历程。"
		}
	}
	if open == nil && e.docPeriod != nil && (sinceOpening(sc) || nowParagraph(sc, fl.paraFirst, dates, figs)) {
		// "基金设立以来，累计…" runs to now; "根据协议，双方将共建…" opens a
		// paragraph of the document's own time. Neither changes the year the
		// text tells of in later paragraphs.
		fl.lead = e.docPeriod
	}
	if s.Index == 1 {
		figs = headlineOwn(s, figs, sc, text) // the title repeats figures the body states
	}
	signs := findSigning(sc, figs)
	if len(figs) == 0 && len(signs) == 0 {
		return nil
	}
	c := e.newSentenceCtx(sc, s, dates, fl)
	if len(figs) > 0 {
		defer fl.moves(sc, c.dates)
	}
	var out []posCandidate
	for i, f := range figs {
		prev, from := (*Candidate)(nil), 0
		if i > 0 {
			prev, from = &out[len(out)-1].Candidate, figs[i-1].b
		}
		cand := c.figureCandidate(f, from, prev)
		cand.Offset = s.Start + sc.off[f.a]
		out = append(out, posCandidate{f.a, cand})
	}
	for _, v := range signs {
		if cand, ok := c.agreementCandidate(v); ok {
			cand.Offset = s.Start + sc.off[v]
			out = append(out, posCandidate{v, cand})
		}
	}
	slices.SortStableFunc(out, func(x, y posCandidate) int { return x.pos - y.pos })
	cands := make([]Candidate, len(out))
	for i, pc := range out {
		cands[i] = pc.Candidate
	}
	return cands
}

// posCandidate orders a sentence's candidates by where they are written.
type posCandidate struct {
	pos int
	Candidate
}

// docPeriodOf returns the document's own date: DocDate, else the date the
// text states for itself, else Doc; nil when there is none.
func docPeriodOf(o Options, text string) *vocab.Period {
	if !o.DocDate.IsZero() {
		return &vocab.Period{Start: o.DocDate, Grain: vocab.GrainDay}
	}
	if p, ok := FindDocPeriod(text); ok {
		return &p
	}
	if !o.Doc.Start.IsZero() {
		return &o.Doc
	}
	return nil
}

// isHeadline reports whether sentence text, the document's first, is a
// headline: a short line that no full stop ends.
func isHeadline(text string) bool {
	return utf8.RuneCountInString(text) <= maxTitleRunes && !strings.ContainsAny(text, "。；")
}

// headlineOwn returns the figures of the title (a short first line) that
// the body does not write again: "我区新增2家省级众创空间" above "…等2家众创空间
// 获备案公示". Counting both would count one figure twice. A rounded copy
// is dropped once the body's figures are known (see withoutRoundedHeadline).
func headlineOwn(s Sentence, figs []figure, sc *scan, text string) []figure {
	if len(figs) == 0 || !isHeadline(s.Text) {
		return figs
	}
	body := text[s.End:]
	var own []figure
	for _, f := range figs {
		if !strings.Contains(body, sc.slice(f.a, f.b)) {
			own = append(own, f)
		}
	}
	return own
}

// roundingSlack is how far a headline's rounded figure ("约7亿", "近400亿元")
// may stand from the body's exact one.
const roundingSlack = 0.1

// withoutRoundedHeadline drops from cs the qualified figures of the
// headline (约, 近, 超) that round a figure of the same unit the body states:
// "科技支行贷款余额近400亿元" above "394.31亿元".
func withoutRoundedHeadline(cs []Candidate) []Candidate {
	out := make([]Candidate, 0, len(cs))
	for _, c := range cs {
		if c.Kind != "figure" || c.Sentence != 1 || c.Qualifier == vocab.Exact || !isHeadline(c.Evidence) || !roundsBody(c, cs) {
			out = append(out, c)
		}
	}
	return out
}

// roundsBody reports whether headline figure h rounds a figure of the same
// unit that a later sentence among cs states.
func roundsBody(h Candidate, cs []Candidate) bool {
	for _, g := range cs {
		if g.Kind == "figure" && g.Sentence > 1 && g.Unit == h.Unit && g.Value != 0 &&
			math.Abs(h.Value-g.Value) <= roundingSlack*math.Abs(g.Value) {
			return true
		}
	}
	return false
}
