package chsql_test

import (
	"context"
	"testing"
)

// TestRecordViewsShowNewColumns: every record view reads the columns 0006
// added to its table. A view keeps the column list it was created with, so
// SELECT * views made before a column was added would hide it.
func TestRecordViewsShowNewColumns(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	want := map[string][]string{
		"platforms_current":    {"extra", "invest_total", "invest_fiscal", "invest_self"},
		"projects_current":     {"extra"},
		"agreements_current":   {"extra"},
		"funding_current":      {"extra"},
		"carriers_current":     {"extra"},
		"talent_current":       {"extra"},
		"observations_current": {"extra"},
		"targets_current":      {"extra"},
	}
	types := map[string]string{"extra": "Map(String, String)", "invest_total": "Nullable(Decimal(18, 2))",
		"invest_fiscal": "Nullable(Decimal(18, 2))", "invest_self": "Nullable(Decimal(18, 2))"}
	for view, cols := range want {
		for _, c := range cols {
			var typ string
			err := d.Conn.QueryRow(ctx, "SELECT type FROM system.columns WHERE database = ? AND table = ? AND name = ?", d.Name, view, c).Scan(&typ)
			if err != nil || typ != types[c] {
				t.Errorf("%s.%s: type %q, %v; want %s", view, c, typ, err, types[c])
			}
		}
	}
}
