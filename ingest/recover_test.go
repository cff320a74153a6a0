package ingest_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/ingest"
)

// recordTables are every table a load writes rows to.
var recordTables = []string{"platforms", "projects", "agreements", "funding", "carriers", "talent", "observations", "targets"}

// leaveLoading makes what a load killed half-way leaves behind: a source
// row still 'loading' that began at `at`, and raw rows stamped with it (a
// copy of load from's platform rows, newer, plus observations) that would
// win over from's rows if they ever became visible.
func leaveLoading(t *testing.T, conn driver.Conn, from, id string, at time.Time) {
	t.Helper()
	ctx := clickhouse.Context(context.Background(), clickhouse.WithParameters(clickhouse.Parameters{
		"from": from, "id": id, "at_ms": fmt.Sprint(at.UnixMilli())}))
	// The filters sit in subqueries: a REPLACE alias would shadow the column in WHERE.
	for _, q := range []string{
		"INSERT INTO sources SELECT * REPLACE ({id:String} AS source_id, 'loading' AS status, fromUnixTimestamp64Milli({at_ms:Int64}) AS loaded_at, 0 AS rows_accepted) FROM (SELECT * FROM sources FINAL WHERE source_id = {from:String})",
		"INSERT INTO platforms SELECT * REPLACE ({id:String} AS source_id, concat(name, '（半途）') AS name, version + 10 AS version) FROM (SELECT * FROM platforms WHERE source_id = {from:String})",
		"INSERT INTO observations (metric, place_code, period_start, grain, row_key, value, status, source_id, version) SELECT 'm', '370300', toDate('2021-01-01') + number, 'day', toString(number), number, 'accepted', {id:String}, 1 FROM numbers(500)",
	} {
		if err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// snapshot is what readers see, as one comparable string.
func snapshot(t *testing.T, conn driver.Conn) string {
	t.Helper()
	var s string
	q := "SELECT concat(toString(groupArraySorted(100)(tuple(name, source_id, version))), '|', toString((SELECT count() FROM observations_current))) FROM platforms_current"
	if err := conn.QueryRow(context.Background(), q).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestFaultInterruptedLoadRecovered: a load left 'loading' by a process
// that stopped half-way is marked failed at the owner's next start and its
// raw rows leave every table; committed data and a load begun after the
// owner started (in flight in another process) stay as they are.
func TestFaultInterruptedLoadRecovered(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: writeFile(t, "platforms.csv", platformsCSV)})
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, d.Conn)
	started := time.Now()
	leaveLoading(t, d.Conn, rep.SourceID, "killed", started.Add(-time.Minute))
	leaveLoading(t, d.Conn, rep.SourceID, "in-flight", started.Add(time.Second))

	ended, err := ingest.RecoverInterrupted(ctx, d.Conn, started)
	if err != nil || len(ended) != 1 || ended[0].ID != "killed" {
		t.Fatalf("recover: %+v %v, want the killed load only", ended, err)
	}
	src, err := ingest.GetSource(ctx, d.Conn, "killed")
	if err != nil || src.Status != ingest.StatusFailed || src.Note != ingest.InterruptedNote {
		t.Fatalf("killed load after recovery: %+v %v", src, err)
	}
	for _, table := range recordTables {
		if n := count(t, d.Conn, "SELECT count() FROM "+table+" WHERE source_id = 'killed'"); n != 0 {
			t.Errorf("%s keeps %d rows of the interrupted load", table, n)
		}
	}
	if src, err := ingest.GetSource(ctx, d.Conn, "in-flight"); err != nil || src.Status != ingest.StatusLoading {
		t.Fatalf("a load begun after the start was touched: %+v %v", src, err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms WHERE source_id = 'in-flight'"); n != 3 {
		t.Fatalf("in-flight load's rows: %d, want 3", n)
	}
	if after := snapshot(t, d.Conn); after != before {
		t.Fatalf("committed data changed:\nbefore %s\nafter  %s", before, after)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms WHERE source_id = ?", rep.SourceID); n != 3 {
		t.Fatalf("committed load's raw rows: %d, want 3", n)
	}
	// Done again (a recovery cut short), it finds nothing more to do.
	if again, err := ingest.RecoverInterrupted(ctx, d.Conn, started); err != nil || len(again) != 0 {
		t.Fatalf("second recovery: %+v %v", again, err)
	}
}
