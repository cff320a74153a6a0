package analytics_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

// TestRowsShowExtraAttributes: the drill-down lists the extra attributes
// kept from the sheet as columns after the record's own, in the sheet's
// order, empty where a record has none.
func TestRowsShowExtraAttributes(t *testing.T) {
	s := fixture(t, map[string]string{"p.csv": fxInvest})
	r, err := s.Rows(context.Background(), "platforms_cum", "", "", filter(t, ""), 1, 50)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Extra, []string{"负责人", "联系电话"}) {
		t.Fatalf("extra columns %q", r.Extra)
	}
	n := len(r.Columns)
	if n < 3 || r.Columns[n-2] != "负责人" || r.Columns[n-1] != "联系电话" {
		t.Fatalf("columns %q do not end with the extra attributes", r.Columns)
	}
	name := -1
	for i, c := range r.Columns {
		if c == "name" {
			name = i
		}
		if c == "extra" {
			t.Fatalf("the raw map is shown as a column: %q", r.Columns)
		}
	}
	got := map[string]string{}
	for _, row := range r.Rows {
		if len(row) != n {
			t.Fatalf("row %v has %d cells for %d columns", row, len(row), n)
		}
		got[fmt.Sprint(row[name])] = fmt.Sprint(row[n-2]) + "|" + fmt.Sprint(row[n-1])
	}
	want := map[string]string{"A": "张伟|0533-1", "B": "李娜|", "C": "|13800000003", "D": "王强|"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("extra attributes by platform %v, want %v", got, want)
	}
}
