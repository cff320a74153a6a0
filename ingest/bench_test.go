package ingest_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/read"
)

// BenchmarkIngestVsEngine loads one 1,000,000-row observations CSV twice in
// the same run: through our ingest (parse + validate + load) and through the
// engine's own INSERT … SELECT FROM file() on the same file, and reports both
// rates and their ratio (target ≥ 0.5).
func BenchmarkIngestVsEngine(b *testing.B) {
	n := 1_000_000
	if v := os.Getenv("CORRIDOR_BENCH_ROWS"); v != "" {
		fmt.Sscan(v, &n)
	}
	p := writeObservations(b, n)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		d := h.DB(b)
		t0 := time.Now()
		rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p, Kind: "observation"})
		if err != nil || rep.Accepted != n {
			b.Fatalf("ingest: %v %+v", err, rep.Errors)
		}
		ours := time.Since(t0)
		engine := engineFileInsert(b, d.Conn, d.Name, p, n)
		t1 := time.Now()
		if _, err := read.ReadFile(p, read.Options{}); err != nil {
			b.Fatal(err)
		}
		// The read phase alone, for where the time goes: it is already about
		// the engine's whole load, so a faster ingest needs a streaming reader.
		b.ReportMetric(time.Since(t1).Seconds(), "read_only_s")
		b.ReportMetric(float64(n)/ours.Seconds(), "ours_rows/s")
		b.ReportMetric(float64(n)/engine.Seconds(), "engine_rows/s")
		b.ReportMetric(engine.Seconds()/ours.Seconds(), "ratio")
	}
}

// engineFileInsert is the physical reference: the engine parses the same
// CSV and inserts into a table of the same schema, with the place codes and
// period dates it needs computed in SQL.
func engineFileInsert(b *testing.B, conn interface {
	Exec(context.Context, string, ...any) error
}, db, path string, n int) time.Duration {
	ctx := context.Background()
	if err := conn.Exec(ctx, "CREATE TABLE ref_obs AS observations"); err != nil {
		b.Fatal(err)
	}
	q := fmt.Sprintf(`INSERT INTO ref_obs (metric, place_code, period_start, grain, row_key, value, unit, qualifier, status, source_id, source_line, version)
SELECT metric, transform(place, ['淄川区','张店区','博山区','临淄区','周村区','桓台县','高青县','沂源县'],
       ['370302','370303','370304','370305','370306','370321','370322','370323'], ''), toDate(period), 'day', '', toFloat64(value), unit, '', 'accepted', 'ref', rowNumberInAllBlocks(), 1
FROM file('%s', 'CSVWithNames', 'metric String, place String, period String, value String, unit String')`, path)
	t0 := time.Now()
	if err := conn.Exec(ctx, q); err != nil {
		b.Fatal(err)
	}
	return time.Since(t0)
}
