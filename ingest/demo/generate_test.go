package demo_test

import (
	"context"
	"testing"

	"github.com/zibo-kj/corridor/ingest/demo"
)

// TestGenerateObservations generates a small benchmark set and checks that
// the values bound as parameters shaped it: every metric and place of the
// lists, the row count, one committed sample load.
func TestGenerateObservations(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	if err := demo.GenerateObservations(ctx, d.Conn, 4000); err != nil {
		t.Fatal(err)
	}
	var metrics, places, rows uint64
	var first string
	err := d.Conn.QueryRow(ctx, `SELECT uniqExact(metric), uniqExact(place_code), count(), min(period_start) = '2017-01-01' ? 'yes' : 'no'
FROM observations_current WHERE source_id = 'bench-10m'`).Scan(&metrics, &places, &rows, &first)
	if err != nil {
		t.Fatal(err)
	}
	if metrics != 40 || places != 8 || rows != 4000 || first != "yes" {
		t.Errorf("generated %d metrics, %d places, %d rows, starting 2017-01-01: %s; want 40, 8, 4000, yes", metrics, places, rows, first)
	}
	var accepted uint32
	var sample uint8
	if err := d.Conn.QueryRow(ctx, "SELECT rows_accepted, sample FROM sources FINAL WHERE source_id = 'bench-10m' AND status = 'committed'").Scan(&accepted, &sample); err != nil {
		t.Fatal(err)
	}
	if accepted != 4000 || sample != 1 {
		t.Errorf("bench source: %d rows accepted, sample %d; want 4000, 1", accepted, sample)
	}
}
