package textx

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zibo-kj/corridor/vocab"
)

// sentenceCtx is one sentence with everything found in it once.
type sentenceCtx struct {
	env
	sc     *scan
	s      Sentence
	dates  []mention // explicit and relative, in order
	orgs   []org
	places []placeMention
	cut    []bool        // runes of organisations and places: a metric phrase starts after them
	lead   *vocab.Period // the period in context when the sentence names none
	// nowLead replaces lead for a figure after a word of now (see
	// nowWords) when lead is only the year an earlier paragraph told of.
	nowLead   *vocab.Period
	fromStory bool // lead is the story year
	// from is the year a change started from in the sentence before, which
	// a semicolon ended (see flow.semiFrom).
	from *vocab.Period
}

func (e env) newSentenceCtx(sc *scan, s Sentence, dates []mention, fl *flow) *sentenceCtx {
	c := &sentenceCtx{env: e, sc: sc, s: s, lead: fl.context()}
	c.fromStory = fl.lead == nil && fl.heading == nil && fl.story != nil
	c.from = fl.semiFrom
	c.nowLead = fl.forSentence(true).context()
	rel := findRelative(sc, e.doc, fl.forSentence(speaksOfNow(sc)).year(e.doc), dates)
	for i := range rel {
		if r := roleOf(sc, rel[i]); r != roleSince || rel[i].period.Start.Year() < e.doc.Year() {
			// "今年以来" still dates this year's figures, "去年以来" runs to now;
			// "是去年全年的1.5倍": a base; "比去年提高": the other side
			rel[i].role = r
		}
		if endsWithAny(sc, rel[i].a, []string{"对"}) {
			rel[i].role = roleVersus // "对上年度研发费用超过…的企业": a policy's condition
		}
	}
	c.dates = append(append([]mention{}, dates...), rel...)
	slices.SortStableFunc(c.dates, func(x, y mention) int { return x.a - y.a })
	c.orgs = e.orgs.find(sc)
	mask := maskOf(len(sc.rs), c.orgs)
	c.places = findPlaces(sc, e.spellings, mask, e.home, e.province)
	c.cut = mask
	for _, p := range c.places {
		for k := p.a; k < p.b && !sc.quoted[p.a] && !p.word; k++ {
			c.cut[k] = true // a place starts the metric after it, unless it is inside a quoted name
		}
	}
	return c
}

// figureCandidate describes figure f; from is where the previous figure of
// the sentence ended and prev its candidate (nil for the first).
func (c *sentenceCtx) figureCandidate(f figure, from int, prev *Candidate) Candidate {
	sc := c.sc
	cand := Candidate{
		Kind: "figure", Span: sc.slice(f.a, f.b), Value: f.value, Unit: f.unit, Qualifier: f.q,
		Sentence: c.s.Index, Evidence: c.s.Text,
		PerYear: isPerYear(sc, f), Cumulative: isCumulative(sc, f),
	}
	before := phraseBefore(sc, f.a, from, c.cut)
	after := nounAfter(sc, f.b)
	if sc.at(f.b) == '的' && before != "" {
		after = "" // "交易额超过500万元的企业": the figure qualifies the noun after it
	}
	cand.Metric = capMetric(cleanMetric(metricPhrase(before, after)))
	if utf8.RuneCountInString(cand.Metric) < 2 || strings.Contains(before, "年的") || strings.HasSuffix(before, "到") {
		if subj := subjectOf(sc, f.a, c.cut); subj != "" && !strings.Contains(cand.Metric, subj) {
			cand.Metric = subj // "…由2016年的386家增长到1607家": both count the subject
		}
	}
	if utf8.RuneCountInString(cand.Metric) < 2 && prev != nil && prev.Kind == "figure" {
		cand.Metric = prev.Metric // "…达到2350家，是2020年（1001家）的2.3倍": a multiple of the same
	}
	cand.MetricCode = metricCode(cand.Metric, f.money)
	if isLevelOnly(cand.Metric) && prev != nil && prev.Kind == "figure" {
		cand.Metric, cand.MetricCode = prev.Metric, prev.MetricCode
	}
	cand.Level = c.level(f, from, cand)
	cand.PlaceCode = c.placeFor(f.a, f.b)
	cand.Partners = c.partnersFor(f.a, f.b)
	cand.Period, cand.Dated = c.periodFor(f, cand.Unit)
	return cand
}

// maxVerbRunes is how short the words before a figure must be to read as its
// verb ("引进50名高层次人才" → 引进高层次人才).
const maxVerbRunes = 4

// metricPhrase joins the words before and after a figure into the phrase
// naming what it counts.
func metricPhrase(before, after string) string {
	if utf8.RuneCountInString(after) < 2 {
		return before
	}
	if genericNouns[after] {
		return lastRunes(before, 2) + after // "对…项目给予" + "资助" → 给予资助
	}
	if utf8.RuneCountInString(before) <= maxVerbRunes && !isLevelOnly(before) {
		return before + after
	}
	return after
}

// lastRunes returns the last n runes of s.
func lastRunes(s string, n int) string {
	rs := []rune(s)
	return string(rs[max(0, len(rs)-n):])
}

// level returns the level stated for the figure: right before it
// ("其中国家级2家"), in its metric ("3家省级备案众创空间"), or, for carriers
// and platforms, anywhere in its clause.
func (c *sentenceCtx) level(f figure, from int, cand Candidate) string {
	if cand.MetricCode != "" && !levelCodes[cand.MetricCode] {
		return ""
	}
	if l := levelIn(c.sc, max(clauseStart(c.sc, f.a), from), f.a); l != "" {
		return l
	}
	if l := levelOf(cand.Metric); l != "" {
		return l
	}
	if levelCodes[cand.MetricCode] {
		return levelIn(c.sc, clauseStart(c.sc, f.a), clauseEnd(c.sc, f.b))
	}
	return ""
}

// levelOf returns the first level named in a phrase.
func levelOf(p string) string {
	best, at := "", len(p)
	for _, w := range levelWords {
		if i := strings.Index(p, w.word); i >= 0 && i < at {
			best, at = w.level, i
		}
	}
	return best
}

// placeFor returns the place of a figure at runes [a, b): the nearest place
// named before it in the sentence, else the first named after it in its
// clause, else the author's place.
func (c *sentenceCtx) placeFor(a, b int) string {
	code := ""
	for _, p := range c.places {
		if p.b <= a && p.code != "" {
			code = p.code
		}
	}
	if code != "" {
		return code
	}
	end := clauseEnd(c.sc, b)
	for _, p := range c.places {
		if p.a >= b && p.b <= end && p.code != "" {
			return p.code
		}
	}
	return c.home
}

// partnersFor returns the organisations named in the figure's clause, else
// those named before it in the sentence.
func (c *sentenceCtx) partnersFor(a, b int) []string {
	if ps := partnersIn(c.orgs, clauseStart(c.sc, a), clauseEnd(c.sc, b)); len(ps) > 0 {
		return ps
	}
	return partnersIn(c.orgs, 0, a)
}
