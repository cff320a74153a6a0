package dashboard

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/zibo-kj/corridor/analytics"
)

// maxExportRows caps one download.
const maxExportRows = 100_000

// export sends a table as CSV (UTF-8 with BOM, so Excel opens Chinese
// correctly, formulas neutralised) or XLSX, as an attachment. A table
// computed under f with sample data in it says so first: the CSV's first
// line, the XLSX's first row and sheet name read 示例数据 — what a reader
// opening the file in Excel sees before any figure.
func (s *Server) export(c *fiber.Ctx, f analytics.Filter, name string, cols []string, rows [][]string, format string) error {
	if len(rows) > maxExportRows {
		rows = rows[:maxExportRows]
	}
	sm, err := s.samples(c, f)
	if err != nil {
		return err
	}
	stamp := time.Now().Format("20060102")
	switch format {
	case "csv":
		var buf bytes.Buffer
		buf.WriteString("\ufeff")
		w := csv.NewWriter(&buf)
		if sm.Shown {
			_ = w.Write([]string{sampleNote})
		}
		_ = w.Write(neutraliseRow(cols)) // extra attributes are named by the sheets' own headers
		for _, r := range rows {
			_ = w.Write(neutraliseRow(r))
		}
		w.Flush()
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
		c.Set(fiber.HeaderContentDisposition, attachment(name+"-"+stamp+".csv"))
		return c.Send(buf.Bytes())
	case "xlsx":
		b, err := xlsxOf(cols, rows, sm.Shown)
		if err != nil {
			return err
		}
		c.Set(fiber.HeaderContentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		c.Set(fiber.HeaderContentDisposition, attachment(name+"-"+stamp+".xlsx"))
		return c.Send(b)
	}
	return &analytics.ParamError{Param: "format", Value: format, Msg: "want csv or xlsx"}
}

func attachment(file string) string {
	return fmt.Sprintf("attachment; filename=%q; filename*=UTF-8''%s", "corridor-export"+file[strings.LastIndex(file, "."):], url.PathEscape(file))
}

// xlsxOf writes one sheet: a 示例数据 note row first when sample is set,
// then the header and the rows.
func xlsxOf(cols []string, rows [][]string, sample bool) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sh, first := "数据", 1
	if sample {
		sh, first = "示例数据", 2
	}
	f.SetSheetName("Sheet1", sh)
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return nil, err
	}
	if sample {
		_ = sw.SetRow("A1", []any{sampleNote})
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = c
	}
	cell, _ := excelize.CoordinatesToCellName(1, first)
	_ = sw.SetRow(cell, head)
	for i, r := range rows {
		cells := make([]any, len(r))
		for j, v := range r {
			cells[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, first+i+1)
		if err := sw.SetRow(cell, cells); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
		return fmt.Sprintf("%g", x)
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
