package read

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// bigXLSX writes rows × 20 columns with excelize's stream writer: text,
// numbers and a date column, like a large district register.
func bigXLSX(b testing.TB, rows int) []byte {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	dateFmt := "yyyy-mm-dd"
	dateStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	header := make([]any, 20)
	for j := range header {
		header[j] = fmt.Sprintf("字段%d", j+1)
	}
	_ = sw.SetRow("A1", header)
	for i := range rows {
		row := make([]any, 20)
		for j := range row {
			switch j % 4 {
			case 0:
				row[j] = fmt.Sprintf("淄博市第%d号企业", i)
			case 1:
				row[j] = float64(i) * 1.25
			case 2:
				row[j] = excelize.Cell{StyleID: dateStyle, Value: 44257 + i%1000}
			default:
				row[j] = i % 7
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		_ = sw.SetRow(cell, row)
	}
	_ = sw.Flush()
	var buf bytes.Buffer
	_ = f.Write(&buf)
	return buf.Bytes()
}

func BenchmarkReadXLSX100k(b *testing.B) {
	data := bigXLSX(b, 100_000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := readXLSXBytes(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadCSV100k(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("区县,名称,金额,日期\n")
	for i := range 100_000 {
		fmt.Fprintf(&sb, "张店区,\"平台%d\",%d.5,2021-03-02\n", i, i)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := ReadCSV(bytes.NewReader(data), "b.csv", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
