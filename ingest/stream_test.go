package ingest_test

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/ingest"
)

// writeObservationsWithBad writes n observation rows where the row on
// line badLine (1-based, the header is line 1) names an unknown district.
func writeObservationsWithBad(t *testing.T, n, badLine int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "obs-bad.csv")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "指标,区县,时期,数值,单位")
	for i := 0; i < n; i++ {
		place := "张店区"
		if i+2 == badLine {
			place = "淄州区"
		}
		day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%1000) // (metric, day) is unique per row
		fmt.Fprintf(w, "m%d,%s,%s,%d,个\n", i/1000, place, day.Format("2006年1月2日"), i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

// TestRejectAfterRowsWereSent: a bad row far down a large file is found
// after the first rows went to the engine; the load is rolled back and
// leaves no rows and no source behind, not even invisible ones.
func TestRejectAfterRowsWereSent(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	const n, bad = 120_000, 110_000
	p := writeObservationsWithBad(t, n, bad)
	sent := 0
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p, Progress: func(rows int, _ float64) { sent = rows }})
	if !errors.Is(err, ingest.ErrRejected) || rep.Status != "rejected" {
		t.Fatalf("want rejected, got %+v %v", rep, err)
	}
	if sent == 0 {
		t.Fatal("no rows were sent before the bad row: the test does not test the rollback")
	}
	if rep.Rejected != 1 || len(rep.Errors) != 1 || rep.Errors[0].Line != bad || rep.Errors[0].Value != "淄州区" {
		t.Fatalf("errors %+v", rep.Errors)
	}
	if rep.Rows != n || rep.Accepted != n-1 {
		t.Fatalf("rows %d accepted %d", rep.Rows, rep.Accepted)
	}
	for _, q := range []string{"SELECT count() FROM observations", "SELECT count() FROM sources"} {
		if c := count(t, d.Conn, q); c != 0 {
			t.Fatalf("%s = %d after a rejected load", q, c)
		}
	}

	// The same file with --skip-bad-rows loads the rest and lists the bad row.
	rep, err = ingest.Load(ctx, d.Conn, ingest.Options{Path: p, SkipBadRows: true})
	if err != nil || rep.Status != "loaded" || rep.Accepted != n-1 {
		t.Fatalf("skip bad rows: %+v %v", rep, err)
	}
	if c := count(t, d.Conn, "SELECT count() FROM observations_current"); c != n-1 {
		t.Fatalf("visible rows %d, want %d", c, n-1)
	}
	f, err := os.Open(rep.RejectsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][0] != fmt.Sprint(bad) || recs[1][2] != "淄州区" || recs[1][5] != "淄州区" {
		t.Fatalf("rejects file: %q %v", recs, err)
	}
}

// TestLargeLoadCounts: a file of many chunks arrives whole, with its
// line numbers, period and progress reported.
func TestLargeLoadCounts(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	const n = 100_000
	p := writeObservationsWithBad(t, n, 0)
	var last float64
	calls := 0
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p, Progress: func(rows int, share float64) {
		if share < last || share > 1 {
			t.Errorf("progress share %v after %v", share, last)
		}
		last = share
		calls++
	}})
	if err != nil || rep.Accepted != n || rep.Rows != n {
		t.Fatalf("load: %+v %v", rep, err)
	}
	if calls < 2 || last != 1 {
		t.Fatalf("progress: %d calls, last share %v", calls, last)
	}
	var rows, lines uint64
	var minLine, maxLine uint32
	var sum float64
	if err := d.Conn.QueryRow(ctx, "SELECT count(), uniqExact(source_line), min(source_line), max(source_line), sum(value) FROM observations_current").
		Scan(&rows, &lines, &minLine, &maxLine, &sum); err != nil {
		t.Fatal(err)
	}
	if rows != n || lines != n || minLine != 2 || maxLine != n+1 || sum != float64(n)*(n-1)/2 {
		t.Fatalf("rows %d lines %d [%d, %d] sum %v", rows, lines, minLine, maxLine, sum)
	}
	if rep.PeriodFrom == nil || rep.PeriodTo == nil || rep.PeriodFrom.Format("2006-01-02") != "2020-01-01" || rep.PeriodTo.Format("2006-01-02") != "2022-09-26" {
		t.Fatalf("period %v – %v", rep.PeriodFrom, rep.PeriodTo)
	}
	// Columns the file has no field for were left to the engine: notes
	// and partners are empty, status and grain are filled.
	if c := count(t, d.Conn, "SELECT count() FROM observations_current WHERE note = '' AND partner = '' AND status = 'accepted' AND grain = 'day' AND unit = '个'"); c != n {
		t.Fatalf("defaults and derived columns: %d rows of %d", c, n)
	}
}

// TestCancelledLoad: Ctrl-C half-way (the context is cancelled after the
// first rows were sent) leaves nothing visible, and a re-run loads it all.
func TestCancelledLoad(t *testing.T) {
	d := h.DB(t)
	const n = 100_000
	p := writeObservationsWithBad(t, n, 0)
	ctx, cancel := context.WithCancel(context.Background())
	rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: p, Progress: func(int, float64) { cancel() }})
	if !errors.Is(err, context.Canceled) || rep.Status != ingest.StatusFailed {
		t.Fatalf("want a failed load and context.Canceled, got %q %v", rep.Status, err)
	}
	if c := count(t, d.Conn, "SELECT count() FROM observations_current"); c != 0 {
		t.Fatalf("%d rows of a cancelled load visible", c)
	}
	if c := count(t, d.Conn, "SELECT count() FROM sources FINAL WHERE status = 'committed'"); c != 0 {
		t.Fatalf("a cancelled load committed")
	}
	rep, err = ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p})
	if err != nil || rep.Status != "loaded" {
		t.Fatalf("re-run: %+v %v", rep, err)
	}
	if c := count(t, d.Conn, "SELECT count() FROM observations_current"); c != n {
		t.Fatalf("after re-run: %d rows, want %d", c, n)
	}
}

// TestOptionalKeyColumnsMissing: a funding file without the optional
// payer and purpose columns (part of the natural key) loads, and its key
// counts them as empty.
func TestOptionalKeyColumnsMissing(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "funding.csv", "拨付时间,接收单位,金额（万元）\n2020年,山东产业技术研究院淄博分院,10000\n2021年,山东产业技术研究院淄博分院,10000\n")
	rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p})
	if err != nil || rep.Kind != "funding" || rep.Accepted != 2 {
		t.Fatalf("load: %+v %v", rep, err)
	}
	var key string
	var amount float64
	if err := d.Conn.QueryRow(context.Background(), "SELECT row_key, toFloat64(amount) FROM funding_current WHERE paid_on = '2021-01-01'").Scan(&key, &amount); err != nil {
		t.Fatal(err)
	}
	if key != "2021-01-01||山东产业技术研究院淄博分院|" || amount != 1e8 {
		t.Fatalf("row_key %q amount %v", key, amount)
	}
}

// TestEveryKindWithRequiredColumnsOnly: a file with nothing but a kind's
// required columns loads one row that readers see, for every kind, so no
// column the file cannot fill is needed anywhere in the load.
func TestEveryKindWithRequiredColumnsOnly(t *testing.T) {
	sample := map[ingest.FieldType]string{
		ingest.Text: "测试名称", ingest.DateDay: "2021-03-02", ingest.Period: "2021年", ingest.Org: "山东大学",
		ingest.Money: "100", ingest.CarrierKind: "众创空间", ingest.Level: "省级", ingest.TalentKind: "专家",
		ingest.Year: "2025", ingest.Number: "5", ingest.District: "张店区",
	}
	d := h.DB(t)
	for _, k := range ingest.Kinds() {
		var head, row []string
		for _, f := range k.Fields {
			if !f.Required {
				continue
			}
			v, ok := sample[f.Type]
			if !ok {
				t.Fatalf("%s: no sample value for field %s", k.Code, f.Label)
			}
			head, row = append(head, f.Label), append(row, v)
		}
		p := writeFile(t, k.Code+".csv", strings.Join(head, ",")+"\n"+strings.Join(row, ",")+"\n")
		rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p, Kind: k.Code})
		if err != nil || rep.Accepted != 1 {
			t.Fatalf("%s (%s): %+v %v", k.Code, strings.Join(head, ","), rep, err)
		}
		if c := count(t, d.Conn, "SELECT count() FROM "+k.Table+"_current"); c != 1 {
			t.Fatalf("%s: %d rows visible, want 1", k.Code, c)
		}
	}
}
