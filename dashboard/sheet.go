package dashboard

import (
	"math"
	"reflect"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// sheet is one table of an export: a title (the XLSX sheet's name, a
// heading line in a CSV that holds several), headers in the reader's
// language and rows of cells. A cell is a number (float64, any integer,
// decimal.Decimal), text, a time, a bool or nil; numbers stay numbers in
// XLSX, so a reader can sum them in Excel.
type sheet struct {
	Title string
	Cols  []string
	Rows  [][]any
}

// num is a float cell: NaN and ±Inf (a missing index value) are empty.
func num(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

// optNum is a float cell for an optional value (a ratio, a change).
func optNum(p *float64) any {
	if p == nil {
		return nil
	}
	return num(*p)
}

// xlsxCell turns a cell into what excelize writes as a number where it is
// one: decimals and integers become numbers, everything else text.
func xlsxCell(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case float64:
		return num(x)
	case float32:
		return num(float64(x))
	case decimal.Decimal:
		return x.InexactFloat64()
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return x
	case string:
		return x
	case time.Time:
		if x.IsZero() {
			return nil
		}
		return x // a date for Excel: writeSheet gives it a date format
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		return xlsxCell(rv.Elem().Interface())
	}
	return cellText(v)
}

// csvCell writes a cell for CSV: numbers in full (no exponent), the rest
// as the tables show them.
func csvCell(v any) string {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ""
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case time.Time, *time.Time:
		return cellText(x)
	}
	return cellText(v)
}

// xlsxTime is a time as an Excel cell shows it: a date (yyyy-mm-dd) when
// it has no time of day, as the tables show it, else the time in China
// Standard Time (yyyy-mm-dd hh:mm).
func xlsxTime(t time.Time) (time.Time, string) {
	if t.Hour() == 0 && t.Minute() == 0 {
		return t, "yyyy-mm-dd"
	}
	return t.In(cst), "yyyy-mm-dd hh:mm"
}

// dateStyles makes one number format per time format of xlsxTime, so a
// date cell is a date Excel can sort and filter, not text.
func dateStyles(f *excelize.File) (map[string]int, error) {
	out := map[string]int{}
	for _, fmt := range []string{"yyyy-mm-dd", "yyyy-mm-dd hh:mm"} {
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &fmt})
		if err != nil {
			return nil, err
		}
		out[fmt] = id
	}
	return out, nil
}
