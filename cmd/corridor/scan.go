package main

import (
	"fmt"
	"reflect"
	"strconv"
	"time"
)

// newScanDest allocates a value of the column's scan type.
func newScanDest(t reflect.Type) any { return reflect.New(t).Interface() }

// formatCell renders a scanned value for printing.
func formatCell(v any) string {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return "NULL"
		}
		rv = rv.Elem()
	}
	switch x := rv.Interface().(type) {
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format("2006-01-02 15:04:05")
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64) // 1500000000, not 1.5e+09: the text must read back exactly
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case fmt.Stringer:
		return x.String()
	default:
		return fmt.Sprint(x)
	}
}
