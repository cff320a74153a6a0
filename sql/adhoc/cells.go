package adhoc

import (
	"fmt"
	"math"
	"math/big"
	"net"
	"reflect"
	"strconv"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/shopspring/decimal"
)

// scanDests are pointers of each column's scan type.
func scanDests(types []driver.ColumnType) []any {
	out := make([]any, len(types))
	for i, t := range types {
		out[i] = reflect.New(t.ScanType()).Interface()
	}
	return out
}

// cells turns scanned values into JSON-ready ones: numbers that a browser
// reads exactly stay numbers; times, decimals, big and unsafe integers,
// UUIDs and addresses become text; nested values keep their shape.
func cells(dest []any) []any {
	out := make([]any, len(dest))
	for i, d := range dest {
		out[i] = cell(reflect.ValueOf(d).Elem().Interface())
	}
	return out
}

const maxSafeInt = 1<<53 - 1 // larger integers lose digits as JSON numbers in JavaScript

func cell(v any) any {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer { // Nullable
		if rv.IsNil() {
			return nil
		}
		return cell(rv.Elem().Interface())
	}
	switch x := v.(type) {
	case nil:
		return nil
	case string, bool, int8, int16, int32, uint8, uint16, uint32:
		return x
	case int64:
		return safeInt(x, x > -maxSafeInt && x < maxSafeInt)
	case int:
		return safeInt(int64(x), x > -maxSafeInt && x < maxSafeInt)
	case uint64:
		return safeInt(x, x < maxSafeInt)
	case float32:
		return floatCell(float64(x), 32)
	case float64:
		return floatCell(x, 64)
	case time.Time:
		return timeText(x)
	case decimal.Decimal:
		return x.String()
	case big.Int:
		return x.String()
	case net.IP:
		return x.String()
	case []byte:
		return string(x)
	case fmt.Stringer:
		return x.String()
	}
	return nested(reflect.ValueOf(v))
}

func safeInt[T int64 | uint64](x T, safe bool) any {
	if safe {
		return x
	}
	return fmt.Sprint(x)
}

// floatCell: JSON has no NaN or infinities; those go as text.
func floatCell(f float64, bits int) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'g', -1, bits)
	}
	return f
}

func timeText(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	if t.Nanosecond() != 0 {
		return t.Format("2006-01-02 15:04:05.000")
	}
	return t.Format("2006-01-02 15:04:05")
}

// nested handles pointers (Nullable), slices (Array), maps and the rest.
func nested(rv reflect.Value) any {
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return nil
		}
		return cell(rv.Elem().Interface())
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = cell(rv.Index(i).Interface())
		}
		return out
	case reflect.Map:
		out := make(map[string]any, rv.Len())
		it := rv.MapRange()
		for it.Next() {
			out[fmt.Sprint(cell(it.Key().Interface()))] = cell(it.Value().Interface())
		}
		return out
	}
	return fmt.Sprint(rv.Interface())
}

// Text renders a cell for tables and files: NULL as "", nested values as JSON-like text.
func Text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	}
	return fmt.Sprint(v)
}
