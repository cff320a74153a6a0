package ingest_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/ingest"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/engine"
)

// writeObservations writes n observation rows whose values sum to n*(n-1)/2.
func writeObservations(t testing.TB, n int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "obs.csv")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "metric,place,period,value,unit")
	places := []string{"淄川区", "张店区", "博山区", "临淄区", "周村区", "桓台县", "高青县", "沂源县"}
	for i := 0; i < n; i++ {
		day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%5000) // (metric, day) is unique per row
		fmt.Fprintf(w, "m%d,%s,%s,%d,个\n", i/5000, places[i%8], day.Format("2006-01-02"), i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

// TestInterruptedLoad kills the engine after the first batch of a load is
// acknowledged: readers see nothing of it, and a re-run gives exact totals.
func TestInterruptedLoad(t *testing.T) {
	ctx := context.Background()
	e, err := engine.Start(ctx, engine.Options{DataDir: t.TempDir(), LibPath: h.Lib, Database: "corridor"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Stop(10 * time.Second)
	conn, err := chsql.Open(ctx, chsql.Target{DSN: e.WriterDSN()}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := (chsql.Migrator{Conn: conn, Database: "corridor"}).Up(ctx); err != nil {
		t.Fatal(err)
	}
	const n = 250_000
	p := writeObservations(t, n)
	killed := false
	_, err = ingest.Load(ctx, conn, ingest.Options{Path: p, Progress: func(int, float64) {
		if !killed {
			killed = true
			_ = syscall.Kill(-e.ChildPID(), syscall.SIGKILL)
		}
	}})
	if err == nil || !killed {
		t.Fatalf("load survived the kill (killed=%v err=%v)", killed, err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for e.Restarts() < 1 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if err := waitPing(ctx, conn); err != nil {
		t.Fatal(err)
	}
	if c := count(t, conn, "SELECT count() FROM observations_current"); c != 0 {
		t.Fatalf("interrupted load visible: %d rows", c)
	}
	rep, err := ingest.Load(ctx, conn, ingest.Options{Path: p})
	if err != nil || rep.Status != "loaded" {
		t.Fatalf("re-run: %+v %v", rep, err)
	}
	var rows uint64
	var sum float64
	if err := conn.QueryRow(ctx, "SELECT count(), sum(value) FROM observations_current").Scan(&rows, &sum); err != nil {
		t.Fatal(err)
	}
	if rows != n || sum != float64(n)*float64(n-1)/2 {
		t.Fatalf("after re-run: %d rows, sum %v; want %d and %v", rows, sum, n, float64(n)*float64(n-1)/2)
	}
}

func waitPing(ctx context.Context, conn interface{ Ping(context.Context) error }) error {
	var err error
	for i := 0; i < 200; i++ {
		if err = conn.Ping(ctx); err == nil {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return err
}
