package ingest_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/read"
)

// BenchmarkIngestVsEngine loads one 1,000,000-row observations CSV
// through our ingest (parse + validate + load) and through the engine's
// own INSERT … SELECT FROM file() on the same file, alternating, several
// rounds in the same run (CORRIDOR_BENCH_ROUNDS, default 3), and reports
// the median rate of each and their ratio (target ≥ 0.5). A 2-core machine
// shared by client and engine is noisy: single runs vary by ±25 %.
func BenchmarkIngestVsEngine(b *testing.B) {
	n, rounds := 1_000_000, 3
	if v := os.Getenv("CORRIDOR_BENCH_ROWS"); v != "" {
		fmt.Sscan(v, &n)
	}
	if v := os.Getenv("CORRIDOR_BENCH_ROUNDS"); v != "" {
		fmt.Sscan(v, &rounds)
	}
	p := writeObservations(b, n)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		var ours, engine, readOnly []float64
		for r := 0; r < rounds; r++ {
			d := h.DB(b)
			quiet(b, d.Conn)
			t0 := time.Now()
			rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p, Kind: "observation"})
			if err != nil || rep.Accepted != n {
				b.Fatalf("ingest: %v %+v", err, rep.Errors)
			}
			ours = append(ours, time.Since(t0).Seconds())
			if got := count(b, d.Conn, "SELECT count() FROM observations_current"); got != uint64(n) {
				b.Fatalf("ingest loaded %d rows, want %d", got, n)
			}
			quiet(b, d.Conn)
			engine = append(engine, engineFileInsert(b, d.Conn, d.Name, p, n).Seconds())
			quiet(b, d.Conn)
			readOnly = append(readOnly, streamOnly(b, p, n).Seconds())
		}
		o, e := median(ours), median(engine)
		b.ReportMetric(float64(n)/o, "ours_rows/s")
		b.ReportMetric(float64(n)/e, "engine_rows/s")
		b.ReportMetric(e/o, "ratio")
		b.ReportMetric(median(readOnly), "read_only_s") // reading and classifying alone, for where the time goes
		b.Logf("seconds per load: ours %.3f, engine %.3f (rounds %d)", ours, engine, rounds)
	}
}

// streamOnly reads the file through the streaming reader without
// validating or loading anything.
func streamOnly(b *testing.B, path string, n int) time.Duration {
	t0 := time.Now()
	st, err := read.OpenFile(path, read.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	rows := 0
	for {
		chunk, err := st.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		rows += len(chunk)
	}
	if rows != n {
		b.Fatalf("read %d rows, want %d", rows, n)
	}
	return time.Since(t0)
}

// quiet waits until the engine has no merges running, so that each timed
// load starts on an idle engine rather than behind the last one's merges.
func quiet(b *testing.B, conn driver.Conn) {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if count(b, conn, "SELECT count() FROM system.merges") == 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// engineFileInsert is the physical reference: the engine parses the same
// CSV (sent as is to its HTTP interface, as its own client would) and
// inserts into a table of the same schema, with the place codes and period
// dates it needs computed in SQL. The writer may not read files on the
// host, so file() is not the way.
func engineFileInsert(b *testing.B, conn interface {
	Exec(context.Context, string, ...any) error
}, db, path string, n int) time.Duration {
	ctx := context.Background()
	if err := conn.Exec(ctx, "CREATE TABLE ref_obs AS observations"); err != nil {
		b.Fatal(err)
	}
	q := `INSERT INTO ref_obs (metric, place_code, period_start, grain, row_key, value, unit, qualifier, status, source_id, source_line, version)
SELECT metric, transform(place, ['淄川区','张店区','博山区','临淄区','周村区','桓台县','高青县','沂源县'],
       ['370302','370303','370304','370305','370306','370321','370322','370323'], ''), toDate(period), 'day', '', toFloat64(value), unit, '', 'accepted', 'ref', rowNumberInAllBlocks(), 1
FROM input('metric String, place String, period String, value String, unit String') FORMAT CSVWithNames`
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	cr := h.Engine.Credentials()
	u := url.URL{Scheme: "http", Host: h.Engine.HTTPAddr(), Path: "/", RawQuery: url.Values{"database": {db}, "query": {q}}.Encode()}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), f)
	if err != nil {
		b.Fatal(err)
	}
	req.SetBasicAuth(cr.WriterUser, cr.WriterPassword)
	t0 := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b.Fatalf("engine insert: %d %s", resp.StatusCode, body)
	}
	return time.Since(t0)
}
