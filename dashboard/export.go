package dashboard

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/zibo-kj/corridor/analytics"
)

// maxExportRows caps one download.
const maxExportRows = 100_000

// export sends tables as CSV (UTF-8 with BOM, so Excel opens Chinese
// correctly, formulas neutralised) or XLSX (one sheet per table, numbers
// as numbers), as an attachment. A table computed under f with sample data
// in it says so first: the CSV's first line, the XLSX's first row and
// sheet name read 示例数据 — what a reader opening the file in Excel sees
// before any figure.
func (s *Server) export(c *fiber.Ctx, f analytics.Filter, name string, sheets []sheet, format string) error {
	if format != "csv" && format != "xlsx" {
		return &analytics.ParamError{Param: "format", Value: format, Msg: "want csv or xlsx"}
	}
	for i := range sheets {
		if len(sheets[i].Rows) > maxExportRows {
			sheets[i].Rows = sheets[i].Rows[:maxExportRows]
		}
	}
	sm, err := s.samples(c, f)
	if err != nil {
		return err
	}
	if cp := captured(c); cp != nil { // a report takes the tables themselves (capture.go)
		cp.sheets, cp.sample = sheets, sm.Shown
		return nil
	}
	file := name + "-" + time.Now().Format("20060102") + "." + format
	var b []byte
	if format == "csv" {
		b, err = csvOf(sheets, sm.Shown)
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	} else {
		b, err = xlsxOf(sheets, sm.Shown)
		c.Set(fiber.HeaderContentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	}
	if err != nil {
		return fmt.Errorf("dashboard: export %s: %w", file, err)
	}
	c.Set(fiber.HeaderContentDisposition, attachment(file))
	return c.Send(b)
}

func attachment(file string) string {
	return fmt.Sprintf("attachment; filename=%q; filename*=UTF-8''%s", "corridor-export"+file[strings.LastIndex(file, "."):], url.PathEscape(file))
}

// csvOf writes the sheets one after the other; when there are several,
// each starts with its title and a blank line separates them.
func csvOf(sheets []sheet, sample bool) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	if sample {
		_ = w.Write([]string{sampleNote})
	}
	for i, sh := range sheets {
		if len(sheets) > 1 {
			if i > 0 {
				_ = w.Write([]string{""})
			}
			_ = w.Write(neutraliseRow([]string{sh.Title}))
		}
		_ = w.Write(neutraliseRow(sh.Cols)) // extra attributes are named by the sheets' own headers
		for _, r := range sh.Rows {
			rec := make([]string, len(r))
			for j, v := range r {
				rec[j] = csvCell(v)
			}
			_ = w.Write(neutraliseRow(rec))
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// xlsxOf writes one worksheet per table: a 示例数据 note row first when
// sample is set, then the header and the rows. The first sheet of sample
// data is named 示例数据.
func xlsxOf(sheets []sheet, sample bool) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range sheets {
		name := sheetName(sh.Title, i)
		if i == 0 {
			if sample {
				name = "示例数据"
			}
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
		if err := writeSheet(f, name, sh, sample); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sheetName is a valid, unique worksheet name: at most 31 characters,
// none of : \ / ? * [ ].
func sheetName(title string, i int) string {
	r := []rune(strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, title))
	if len(r) > 28 {
		r = r[:28]
	}
	if len(r) == 0 {
		return fmt.Sprintf("数据%d", i+1)
	}
	if i > 0 {
		return fmt.Sprintf("%d %s", i+1, string(r))
	}
	return string(r)
}

func writeSheet(f *excelize.File, name string, sh sheet, sample bool) error {
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	row := 1
	if sample {
		_ = sw.SetRow("A1", []any{sampleNote})
		row++
	}
	head := make([]any, len(sh.Cols))
	for i, c := range sh.Cols {
		head[i] = c
	}
	cell, _ := excelize.CoordinatesToCellName(1, row)
	if err := sw.SetRow(cell, head); err != nil {
		return err
	}
	dates, err := dateStyles(f)
	if err != nil {
		return err
	}
	for _, r := range sh.Rows {
		row++
		cells := make([]any, len(r))
		for j, v := range r {
			cells[j] = xlsxCell(v)
			if t, ok := cells[j].(time.Time); ok {
				t, format := xlsxTime(t)
				cells[j] = excelize.Cell{StyleID: dates[format], Value: t}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// neutraliseRow stops spreadsheet formula injection (= + - @ at the start).
func neutraliseRow(r []string) []string {
	out := make([]string, len(r))
	for i, v := range r {
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

// stringRows renders scanned values as text for tables and exports.
func stringRows(rows [][]any) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = make([]string, len(r))
		for j, v := range r {
			out[i][j] = cellText(v)
		}
	}
	return out
}

func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 {
			return x.Format("2006-01-02")
		}
		return x.In(cst).Format("2006-01-02 15:04")
	case *time.Time:
		if x == nil {
			return ""
		}
		return cellText(*x)
	case []string:
		return strings.Join(x, "、")
	case decimal.Decimal:
		return x.String()
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64) // never 1.5e+09
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return ""
		}
		return cellText(rv.Elem().Interface())
	}
	return fmt.Sprint(v)
}

var cst = time.FixedZone("CST", 8*3600)
