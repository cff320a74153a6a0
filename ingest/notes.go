package ingest

import "strings"

// Note is something a load decided on the clerk's behalf that the report
// must say: where a sheet's district, unit or year came from, how a wide
// table was read, which columns were left out as totals. Chinese first,
// with English.
type Note struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// String is the note as one line: "区县取自标题：淄川区 (district taken from the title: 淄川区)".
func (n Note) String() string { return n.ZH + " (" + n.EN + ")" }

// notesLine joins notes for the summary line.
func notesLine(ns []Note) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = n.String()
	}
	return strings.Join(parts, "; ")
}

// ctxSource is where a sheet's context was found, in order of precedence.
type ctxSource int

const (
	fromFlag   ctxSource = iota // --district
	fromTitle                   // a title row: 2023年淄川区科技合作平台统计表
	fromFiller                  // the 填报单位 line: 填报单位：淄川区科技局
	fromSheet                   // the sheet's name: 淄川区
	fromFile                    // the file's name: 张店区-平台.xlsx
)

// names of each ctxSource, as the report says them.
var ctxSourceNames = [...]struct{ zh, en string }{
	fromFlag:   {"--district", "--district"},
	fromTitle:  {"标题", "the title"},
	fromFiller: {"填报单位", "the 填报单位 line"},
	fromSheet:  {"工作表名", "the sheet name"},
	fromFile:   {"文件名", "the file name"},
}

func (s ctxSource) zh() string { return ctxSourceNames[s].zh }
func (s ctxSource) en() string { return ctxSourceNames[s].en }
