package analytics

import (
	"reflect"
	"testing"
)

// TestExtraOrder: the drill-down's extra columns follow the sheets' order
// even when no single record has a cell in every column.
func TestExtraOrder(t *testing.T) {
	rec := func(keys ...string) *attrs { return &attrs{keys: keys, vals: make([]string, len(keys))} }
	for _, c := range []struct {
		recs []*attrs
		want []string
	}{
		{[]*attrs{rec("负责人"), rec("联系电话"), rec("负责人", "联系电话")}, []string{"负责人", "联系电话"}},
		{[]*attrs{rec("b", "d"), rec("a", "b"), rec("c", "d"), rec("b", "c")}, []string{"a", "b", "c", "d"}},
		{[]*attrs{rec("x", "y"), rec("y", "x")}, []string{"x", "y"}}, // sheets disagree: first met first
		{[]*attrs{rec(), rec()}, []string{}},
	} {
		if got := extraOrder(c.recs); !reflect.DeepEqual(got, c.want) {
			t.Errorf("extraOrder = %q, want %q", got, c.want)
		}
	}
}
