package vocab

import (
	"strconv"
	"strings"
)

// Serial says what a column header tells about row serial numbers.
type Serial int

// Kinds of serial-number header.
const (
	NotSerial        Serial = iota
	SerialColumn            // 序号, No., #: the row's place in the sheet, never data
	SerialIfCounting        // 编号: row numbers only when its cells count 1, 2, 3 …; otherwise an identifier (PT-2023-001) worth keeping
)

// serialHeaders are headers of serial-number columns, compared cleaned,
// without spaces and lower-cased. "id" is left out on purpose: a register's
// id is the key it is reconciled by, even when it counts 1, 2, 3.
var serialHeaders = map[string]Serial{
	"序号": SerialColumn, "顺序号": SerialColumn, "行号": SerialColumn, "序": SerialColumn,
	"no": SerialColumn, "no.": SerialColumn, "#": SerialColumn, "nº": SerialColumn, "№": SerialColumn,
	"seq": SerialColumn, "seq.": SerialColumn,
	"编号": SerialIfCounting,
}

// SerialHeader tells whether header h names a column of row serial numbers.
func SerialHeader(h string) Serial {
	if len(h) > 32 {
		return NotSerial
	}
	return serialHeaders[strings.ToLower(compact(h))]
}

// RowNumber reads a serial-number cell: a whole number from 1 written
// plainly ("7", "7.", "07"). Anything else (A-07, 7-1, 一) is no row number.
func RowNumber(s string) (int, bool) {
	c := strings.TrimSuffix(compact(s), ".")
	if c == "" || len(c) > 9 {
		return 0, false
	}
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(c)
	return n, err == nil && n >= 1
}

// partPrefixes start a header that names a part of a whole: 其中财政资金 is
// the fiscal part of the investment beside it, 含企业自筹 the self-raised
// part. Longer first; compared after CleanText, lower-cased.
var partPrefixes = []string{"其中", "包括", "包含", "含", "of which", "including", "incl."}

// CutPartPrefix removes a part prefix and the punctuation after it:
// "其中：财政资金（万元）" → ("财政资金（万元）", true), "含企业自筹" →
// ("企业自筹", true). A header that is nothing but the prefix stays whole.
func CutPartPrefix(h string) (string, bool) {
	c := CleanText(h)
	low := strings.ToLower(c)
	for _, p := range partPrefixes {
		if strings.HasPrefix(low, p) {
			rest := strings.TrimLeft(c[len(p):], " :：,，、")
			if rest != "" {
				return rest, true
			}
		}
	}
	return h, false
}
