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
}

// maxTitleRunes bounds what counts as a title: a short first line.
const maxTitleRunes = 40

// next moves to sentence s; gap is the text between it and the previous one.
func (fl *flow) next(gap string, s Sentence) {
	if strings.ContainsAny(gap, "\n\r") {
		fl.lead = nil // a new paragraph: an opening date no longer carries over
	}
}

// opens records the dates sentence s sets for the sentences after it. A
// date opening the sentence, or the date of a sentence that states no
// figure ("近日，…通报2021年评价结果。"), dates the rest of the paragraph.
func (fl *flow) opens(sc *scan, s Sentence, dates []mention, figures bool) {
	var first *vocab.Period
	at := 0
	for i := range dates {
		if dates[i].role == roleOwn {
			first, at = &dates[i].period, dates[i].a
			break
		}
	}
	if s.Index == 1 && utf8.RuneCountInString(s.Text) <= maxTitleRunes && len(dates) > 0 {
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
	if first != nil && (at < clauseEnd(sc, 0) || !figures) {
		fl.lead, fl.story = first, first
	}
}

// context returns the period that holds when a sentence names none.
func (fl *flow) context() *vocab.Period {
	switch {
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
