package ingest_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeBytes(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A UTF-8 row in a GB18030 CSV (as when a clerk pastes rows from another
// file) was stored as mojibake with exit 0: it is refused naming the line.
func TestMixedEncodingRefused(t *testing.T) {
	d := h.DB(t)
	lines := strings.SplitAfter(platformsCSV, "\n")
	var b []byte
	b = append(b, gbk(t, lines[0]+lines[1])...)
	b = append(b, lines[2]...) // UTF-8
	b = append(b, gbk(t, lines[3])...)
	refused(t, d, writeBytes(t, "mixed.csv", b), "platforms", []string{
		`mixed.csv:3: column A value "山东大学淄博生物医药研究院": this line is UTF-8 while line 1 is GB18030`, "save the whole file as UTF-8", "另存为 UTF-8"})
}

// Far down a long file the bad line comes after rows were already sent to
// the engine: they are taken back, and the error names the column header.
func TestMixedEncodingLateInLongFile(t *testing.T) {
	d := h.DB(t)
	var b bytes.Buffer
	b.Write(gbk(t, "指标,地区,时期,数值\n"))
	for i := range 20_000 {
		b.Write(gbk(t, "指标"+strconv.Itoa(i)+",张店区,2021,1\n"))
	}
	b.WriteString("技术合同成交额,淄川区,2021,5\n")
	rep := refused(t, d, writeBytes(t, "long.csv", b.Bytes()), "observations", []string{
		`long.csv:20002: column A "指标" value "技术合同成交额": this line is UTF-8 while line 1 is GB18030`})
	if rep.Rows < 16_384 {
		t.Fatalf("only %d rows were read before the bad line: the test no longer covers a started load", rep.Rows)
	}
}

// The other way round — a UTF-8 file whose first mebibyte is UTF-8, with a
// GB18030 row further down — names the cell as the clerk sees it.
func TestGBKRowInUTF8File(t *testing.T) {
	d := h.DB(t)
	var b bytes.Buffer
	b.WriteString("指标,地区,时期,数值\n")
	n := 0
	for ; b.Len() < 1<<20+4096; n++ {
		b.WriteString("指标" + strconv.Itoa(n) + ",张店区,2021,1\n")
	}
	b.Write(gbk(t, "技术合同成交额,淄川区,2021,5\n"))
	refused(t, d, writeBytes(t, "u.csv", b.Bytes()), "observations", []string{
		`u.csv:` + strconv.Itoa(n+2) + `: column A "指标" value "技术合同成交额": is not UTF-8 like the start of the file`, "save the whole file as UTF-8"})
}
