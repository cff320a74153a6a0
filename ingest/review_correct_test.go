package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

// TestReviewCorrectsAndNeedsPeriod: an undated text's figures have no
// period and cannot be accepted without one; an accepted correction is
// stored with the figure as extracted beside it; a dry run stores nothing.
func TestReviewCorrectsAndNeedsPeriod(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "undated.txt")
	if err := os.WriteFile(p, []byte("全市技术合同成交额达到18亿元。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	figs, err := ingest.ExtractText(ingest.TextOptions{Path: p})
	if err != nil || len(figs) != 1 || figs[0].Period != "" {
		t.Fatalf("dry run: %+v %v", figs, err)
	}
	if n := count(t, d.Conn, "SELECT count() FROM observations"); n != 0 {
		t.Fatalf("a dry run stored %d rows", n)
	}
	if _, err := ingest.LoadText(ctx, d.Conn, ingest.TextOptions{Path: p, LoadedBy: "test"}); err != nil {
		t.Fatal(err)
	}
	q, err := ingest.ReviewQueue(ctx, d.Conn, 10)
	if err != nil || len(q) != 1 || q[0].Period != "" {
		t.Fatalf("queue: %+v %v", q, err)
	}
	id := q[0].ID
	if err := ingest.Review(ctx, d.Conn, id, true); err == nil || !strings.Contains(err.Error(), "period") {
		t.Fatalf("accepting a figure with no period: %v", err)
	}
	isMetric := func(c string) bool { return c == "contracts_value" }
	if err := ingest.ReviewWith(ctx, d.Conn, id, true, ingest.Correction{Metric: "nonsense"}, isMetric); err == nil {
		t.Fatal("a metric outside the catalog was accepted")
	}
	c := ingest.Correction{Value: "18.5亿", Period: "2022", Metric: "contracts_value", Place: "张店区", Qualifier: "at_least"}
	if err := ingest.ReviewWith(ctx, d.Conn, id, true, c, isMetric); err != nil {
		t.Fatal(err)
	}
	if n := count(t, d.Conn, `SELECT count() FROM observations FINAL WHERE status = 'accepted' AND metric = 'contracts_value'
  AND value = 1850000000 AND place_code = '370303' AND grain = 'year' AND period_start = '2022-01-01' AND qualifier = 'at_least'
  AND original LIKE '%"value":1800000000%' AND original LIKE '%"period":""%'`); n != 1 {
		t.Fatalf("corrected figure with its original stored %d times, want 1", n)
	}
}
