package ingest

import (
	"regexp"
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

var (
	// subjectNoise are words of a title that say where, when or how a
	// table is laid out, not what it counts.
	subjectNoise = []string{"各区县", "各县区", "分区县", "分县区", "全市", "分季度", "按季度", "分月份", "分月", "按月", "月度", "季度", "年度"}
	// subjectTails are the words that end a title after its subject.
	subjectTails = []string{"统计汇总表", "统计报表", "统计表", "情况表", "汇总表", "一览表", "明细表", "报表", "统计", "情况", "汇总", "表"}
	// brackets are bracketed asides in a title: （第一批）, (修订).
	brackets = regexp.MustCompile(`[（(][^）)]*[）)]`)
)

// subject is what a title says the table counts, for a wide table with no
// metric column: "2023年淄博市技术合同成交情况（单位：万元）" → 技术合同成交,
// "2023年各区县R&D经费投入统计表" → R&D经费投入. Years, places, layout words,
// bracketed asides and the closing 统计表/情况 are left out; "" when nothing
// is left.
func (c sheetContext) subject() string {
	s := brackets.ReplaceAllString(c.title, "")
	s = titleYears.ReplaceAllString(s, "")
	for _, w := range vocab.PlaceNamesIn(s) {
		s = strings.ReplaceAll(s, w, "")
	}
	for _, w := range subjectNoise {
		s = strings.ReplaceAll(s, w, "")
	}
	s = strings.Join(strings.Fields(s), "")
	for changed := true; changed; {
		changed = false
		for _, t := range subjectTails {
			if rest, ok := strings.CutSuffix(s, t); ok {
				s, changed = rest, rest != ""
				break
			}
		}
	}
	return strings.Trim(s, "-—_:：·")
}
