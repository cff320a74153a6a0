package textx

import (
	"time"

	"github.com/zibo-kj/corridor/vocab"
)

// nowWords mark a sentence that speaks of the present or the future, or
// states a standing rule: "下一步，联盟将…", "目前…", "区财政每年安排…",
// "对新认定的…给予50万元奖励", "…投入运作以来，共接待…". The year an
// earlier paragraph told of ("2022年，…") does not date the figures after
// such a word; they are the document's own.
var nowWords = []string{"下一步", "今后", "力争", "目前", "如今", "当前", "现有", "以来", "每年", "给予"}

// speaksOfNow reports whether the sentence holds any of nowWords.
func speaksOfNow(sc *scan) bool {
	return hasWordIn(sc, 0, len(sc.rs), nowWords)
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

// openingNowWords, opening a sentence, make the document's own time the
// date of the paragraph: "今年是…开局之年。全区将…", "如今，…".
var openingNowWords = []struct {
	word  string
	grain vocab.Grain
}{{"今年", vocab.GrainYear}, {"如今", vocab.GrainMonth}, {"目前", vocab.GrainMonth}, {"当前", vocab.GrainMonth}}

// openingNow returns the period a sentence opens with when its first words
// are a word of now (see openingNowWords), read against the document's
// date doc; nil when it opens otherwise or doc is unknown.
func openingNow(sc *scan, doc time.Time) *vocab.Period {
	if doc.IsZero() {
		return nil
	}
	for _, w := range openingNowWords {
		if sc.hasAt(0, w.word) {
			p := periodOf(doc, doc.Year(), w.grain, 0)
			return &p
		}
	}
	return nil
}
