package adhoc

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// WriteCSV writes the result as UTF-8 CSV with a BOM (Excel then reads the
// Chinese correctly) and every text cell that a spreadsheet would run as a
// formula (= + - @, tab, CR first) prefixed with an apostrophe. Numbers,
// negative ones included, stay numbers.
func WriteCSV(w io.Writer, r Result) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("adhoc: csv: %w", err)
	}
	cw := csv.NewWriter(w)
	_ = cw.Write(Neutralise(columnNames(r.Columns)))
	for _, row := range r.Rows {
		rec := make([]string, len(row))
		for i, v := range row {
			rec[i] = Text(v)
		}
		_ = cw.Write(Neutralise(rec))
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("adhoc: csv: %w", err)
	}
	return nil
}

// WriteXLSX writes the result as one worksheet: numbers as numbers, text
// neutralised as in CSV.
func WriteXLSX(w io.Writer, r Result) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return fmt.Errorf("adhoc: xlsx: %w", err)
	}
	head := make([]any, len(r.Columns))
	for i, n := range Neutralise(columnNames(r.Columns)) {
		head[i] = n
	}
	if err := sw.SetRow("A1", head); err != nil {
		return fmt.Errorf("adhoc: xlsx: %w", err)
	}
	for i, row := range r.Rows {
		out := make([]any, len(row))
		for j, v := range row {
			out[j] = xlsxValue(v)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, out); err != nil {
			return fmt.Errorf("adhoc: xlsx: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("adhoc: xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("adhoc: xlsx: %w", err)
	}
	return nil
}

func xlsxValue(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64:
		return x
	}
	return Neutralise([]string{Text(v)})[0]
}

func columnNames(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// Neutralise prefixes with ' each cell a spreadsheet would read as a
// formula; numbers (such as -5) are left as they are.
func Neutralise(rec []string) []string {
	out := make([]string, len(rec))
	for i, v := range rec {
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) && !isNumber(v) {
			v = "'" + v
		}
		out[i] = v
	}
	return out
}

func isNumber(s string) bool {
	_, err := decimal.NewFromString(s)
	return err == nil
}
