package textx

import (
	"strings"
	"time"

	"github.com/zibo-kj/corridor/vocab"
)

// dateRole says how far a date written in a sentence reaches.
type dateRole int

const (
	// roleOwn dates the figures after it in its sentence and, opening the
	// sentence, the paragraph: "2022年，全市…".
	roleOwn dateRole = iota
	// roleAside stands in brackets and dates only what the brackets hold
	// (or the figure right before them): "（2012年时仅15家）" says nothing
	// of "目前已达1800余家".
	roleAside
	// roleBase is a comparison base: "由2016年的2.3亿元增长到18亿元" dates
	// 2.3亿元 only, and "已达到2018年的6倍" not even the multiple, which is
	// a figure of the sentence's own year.
	roleBase
	// roleVersus is the other side of a comparison: "比2005年提高2.1个百分点",
	// "与2012年相比": it dates nothing.
	roleVersus
	// roleSince starts a span that runs to the present: "2022年以来",
	// "2022年发布…后": the figures after it are the document's.
	roleSince
	// roleReport is the day a reporter learnt the news: "记者1月2日从市科技局
	// 获悉，2021年…". It dates nothing the news tells.
	roleReport
	// roleName is part of a name: "纳入2010年全市科技工作计划" names a plan
	// and dates nothing.
	roleName
	// roleHistory is a founding long before the document, told in passing:
	// "该区1992年设立，面积120平方公里" — the area is today's, not 1992's.
	// It dates nothing.
	roleHistory
)

// historyYears is how many years before the document a founding must lie
// to be history told in passing rather than news of the year.
const historyYears = 5

// markHistory makes history of each date that a founding word follows (see
// founding; "创办于2002年，首届…" tells of the founding itself), stands after
// its subject rather than opening its sentence (its clause may open:
// "临淄经开区地处…，1992年经省政府批准设立，…面积47平方公里"),
// dates no figure in its own clause, and lies historyYears or more before
// the document's date doc.
func markHistory(sc *scan, ms []mention, doc time.Time) {
	if doc.IsZero() {
		return
	}
	for i, m := range ms {
		if m.role != roleOwn || m.a == 0 || !isHan(sc.at(m.a-1)) && !strings.ContainsRune("，,", sc.at(m.a-1)) ||
			m.period.Start.Year() > doc.Year()-historyYears {
			continue
		}
		end := clauseEnd(sc, m.b)
		if sc.endsAt(end, "之一") {
			end -= 2 // "是2001年批准建设的国家大学科技园之一"
		}
		if !sc.endsAt(m.a, "于") && founding(sc, m.a) && !numeralWithin(sc, m.b, end) {
			ms[i].role = roleHistory
		}
	}
}

// maxBaseGap is how close a figure must follow its base date: "2016年的",
// "2015年时仅有".
const maxBaseGap = 5

// versusBefore and sinceAfter are the words that make a date a comparison
// or the start of a span.
var (
	versusBefore = []string{"比", "较", "与", "同", "相比", "相较", "对比"}
	sinceAfter   = []string{"以来", "之后", "后", "起"}
	// sinceBefore open a span whose 以来 may stand far after its year.
	sinceBefore = []string{"自", "从"}
	// notSinceAfter make 起 part of a word: "2024年起步区" is not "since 2024".
	notSinceAfter = "步草点源航飞跑诉"
	// nameBefore put a dated name in a plan or list: "纳入2010年…计划".
	nameBefore = []string{"纳入", "列入", "编入", "写入"}
	// changeTo stand before the date where a change ends: "增长到2024年的",
	// "增至2023年的".
	changeTo = []string{"到", "至"}
	// yearEnds may follow a year before 的 or 时: "比2018年末的146家".
	yearEnds = "末底"
)

// classifyDates sets the role of each explicit date of a sentence.
func classifyDates(sc *scan, ms []mention) {
	for i := range ms {
		ms[i].role = roleOf(sc, ms[i])
	}
}

func roleOf(sc *scan, m mention) dateRole {
	switch {
	case isReportDate(sc, m):
		return roleReport
	case sc.paren[m.a]:
		return roleAside
	case endsWithAny(sc, m.a, nameBefore):
		return roleName
	case isBase(sc, m) && endsWithAny(sc, m.a, changeTo) && !multipleAfter(sc, m):
		return roleOwn // "增长到2024年的248.6亿元", "增至2023年的318家": where the change ends, and the year the sentence tells of
	case isBase(sc, m):
		return roleBase // "比2005年的89家": the base is a figure of its own year
	case endsWithAny(sc, m.a, versusBefore):
		return roleVersus
	}
	if w, ok := startingAt(sc, m.b, sinceAfter); ok && (w != "起" || !strings.ContainsRune(notSinceAfter, sc.at(m.b+1))) {
		return roleSince
	}
	if sinceVerbAfter(sc, m.b) {
		return roleSince // "自2002年创办以来", "2019年挂牌以来"
	}
	if endsWithAny(sc, m.a, sinceBefore) && hasWordIn(sc, m.b, clauseEnd(sc, m.b), []string{"以来"}) {
		return roleSince // "自2018年双方签署全面合作协议以来"
	}
	end := clauseEnd(sc, m.b)
	if end > m.b && sc.at(end-1) == '后' && !numeralWithin(sc, m.b, end) {
		return roleSince // "2022年发布融资支持办法后，…"
	}
	return roleOwn
}

// isBase reports whether a figure follows date m as its base: "2016年的
// 2.3亿元", "2015年时仅有9家", "2018年末的146家".
func isBase(sc *scan, m mention) bool {
	b := baseEnd(sc, m)
	if strings.ContainsRune("（(", sc.at(b)) && sc.paren[min(b+1, len(sc.rs)-1)] {
		k := b + 1 // "是2019年（2250家）的3.1倍": the base figure in brackets
		for k < len(sc.rs) && sc.paren[k] {
			k++
		}
		return strings.ContainsRune("）)", sc.at(k)) && sc.at(k+1) == '的' && numeralWithin(sc, b, k)
	}
	if b > m.b && startsNumeral(sc, b) && endsWithAny(sc, m.a, baseBefore) {
		return true // "是“十二五”末30家的3.2倍", "比2018年末146家增加…"
	}
	return strings.ContainsRune("的时", sc.at(b)) && numeralWithin(sc, b+1, b+maxBaseGap)
}

// baseBefore stand before a base written without 的: "是“十二五”末30家的3.2倍".
var baseBefore = []string{"是", "比", "较"}

// baseEnd returns where date m ends, a 末 or 底 after it included.
func baseEnd(sc *scan, m mention) int {
	if strings.ContainsRune(yearEnds, sc.at(m.b)) {
		return m.b + 1
	}
	return m.b
}

// multipleAfter reports whether a multiple of the base follows date m in its
// clause: "已达到2018年的6倍" is a figure of the sentence's own year.
func multipleAfter(sc *scan, m mention) bool {
	end := clauseEnd(sc, m.b)
	return strings.ContainsRune(string(sc.rs[m.b:end]), '倍')
}

// reportWords say that a reporter learnt something: the date before them
// in their clause is the day of the news, not of its figures.
var reportWords = []string{"获悉", "了解到", "获知"}

// isReportDate reports whether m is a dateline: "记者1月2日从…获悉",
// "本网2月28日讯".
func isReportDate(sc *scan, m mention) bool {
	if endsWithAny(sc, m.a, []string{"记者"}) || sc.at(m.b) == '讯' || sc.at(m.b) == '电' {
		return true // "本网2月28日讯", "新华社济南3月5日电"
	}
	return (m.day != "" || m.period.Grain == vocab.GrainDay) && hasWordIn(sc, m.b, clauseEnd(sc, m.b), reportWords)
}

// maxSinceVerb is how many runes may stand between a year and its 以来:
// the verb of a founding ("创办", "挂牌成立").
const maxSinceVerb = 4

// sinceVerbAfter reports whether a short verb and 以来 follow rune i.
func sinceVerbAfter(sc *scan, i int) bool {
	for k := i + 1; k <= i+maxSinceVerb && k < len(sc.rs); k++ {
		if !isHan(sc.rs[k-1]) {
			return false
		}
		if sc.hasAt(k, "以来") {
			return true
		}
	}
	return false
}

func endsWithAny(sc *scan, i int, words []string) bool {
	_, ok := endingAt(sc, i, words)
	return ok
}

// numeralWithin reports whether a numeral starts within runes [a, b).
func numeralWithin(sc *scan, a, b int) bool {
	for k := a; k < min(b, len(sc.rs)); k++ {
		if startsNumeral(sc, k) {
			return true
		}
	}
	return false
}

// changeFrom stand right before the value a change starts from.
var changeFrom = []string{"由", "从", "由最初的", "从最初的"}

// reaches reports whether date m dates figure f of unit u.
func (c *sentenceCtx) reaches(m mention, f figure, u string) bool {
	switch m.role {
	case roleOwn:
		return !c.sc.paren[m.a] || c.sameAside(m.b, f.a)
	case roleAside:
		return c.sameAside(m.b, f.a)
	case roleBase:
		return f.a >= m.b && f.a-baseEnd(c.sc, m) <= maxBaseGap && u != "倍"
	case roleSince:
		// "2022年发布办法后，合作银行由4家扩大到9家": where a change starts
		// is a figure of the span's first year; where it ends, of now.
		return f.a >= m.b && endsWithAny(c.sc, f.a, changeFrom)
	}
	return false
}

// thenAside returns the date a bracketed "当时…" refers back to when figure
// f stands in one: "与2012年底相比，孵化面积增加了近一倍（当时仅52万平方米）"
// — the last date of the sentence before the brackets, the other side of a
// comparison included.
func (c *sentenceCtx) thenAside(f figure) (vocab.Period, bool) {
	if !c.sc.paren[f.a] {
		return vocab.Period{}, false
	}
	open := f.a
	for open > 0 && c.sc.paren[open-1] {
		open--
	}
	if strings.ContainsRune("（(", c.sc.at(open)) {
		open++
	}
	if !c.sc.hasAt(open, "当时") || numeralWithin(c.sc, open, f.a) {
		return vocab.Period{}, false
	}
	for i := len(c.dates) - 1; i >= 0; i-- {
		if m := c.dates[i]; m.b <= open && m.role != roleReport && m.role != roleName {
			return m.period, true
		}
	}
	return vocab.Period{}, false
}

// baseInAside reports whether a bracketed date right after a figure dates a
// figure of its own in the brackets: "达到27家（2015年时仅有9家）" and
// "是2020年的2.1倍（2020年末仅1512家）" date the 9 and the 1512, not the figure
// before the brackets.
func baseInAside(sc *scan, m mention) bool {
	end := m.b
	for end < len(sc.rs) && sc.paren[end] {
		end++
	}
	return numeralWithin(sc, m.b, end)
}

// sameAside reports whether runes a and b stand in one bracketed aside.
func (c *sentenceCtx) sameAside(a, b int) bool {
	if !c.sc.paren[min(a, len(c.sc.rs)-1)] || !c.sc.paren[min(b, len(c.sc.rs)-1)] {
		return false
	}
	for k := min(a, b); k < max(a, b); k++ {
		if !c.sc.paren[k] {
			return false
		}
	}
	return true
}

// periodFor returns the period of figure f (unit u) and where it comes
// from: the nearest date before it in its sentence that reaches it, else a
// date right after it in its clause ("新增孵化器2家（2022年）"), else the
// date in context (not the story year after a word of now), else the
// document's own date.
func (c *sentenceCtx) periodFor(f figure, u string) (string, string) {
	if p, ok := c.thenAside(f); ok {
		return p.String(), "stated"
	}
	for i := len(c.dates) - 1; i >= 0; i-- {
		if m := c.dates[i]; m.b <= f.a && c.reaches(m, f, u) {
			if m.start != nil && endsWithAny(c.sc, f.a, changeFrom) {
				return m.start.String(), "stated" // "2016年至2021年，…由86家增长到409家": 86家 is 2016's
			}
			return m.period.String(), "stated"
		}
	}
	if endsWithAny(c.sc, f.a, changeFrom) {
		// "由2011年的1557亿元增加到2560亿元，…收入由111.6亿元增加到185亿元":
		// a change with no year of its own starts where the sentence's
		// (or, across a semicolon, the last sentence's) change started
		var before []mention
		for _, m := range c.dates {
			if m.b <= f.a {
				before = append(before, m)
			}
		}
		if p := changeStart(before); p != nil {
			return p.String(), "stated"
		}
		if c.from != nil {
			return c.from.String(), "context"
		}
	}
	end := clauseEnd(c.sc, f.b)
	for _, m := range c.dates {
		if m.a >= f.b && m.b <= end && (m.role == roleOwn || m.role == roleAside && m.a-f.b <= 1 && !baseInAside(c.sc, m)) {
			return m.period.String(), "stated"
		}
	}
	lead := c.lead
	if c.fromStory && nowBefore(c.sc, f.a) {
		lead = c.nowLead // "下一步，…将启动10个": not the year the last paragraph told of
	}
	if lead != nil {
		return lead.String(), "context"
	}
	if c.docPeriod != nil {
		return c.docPeriod.String(), "document"
	}
	return "", ""
}
