package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/analytics"
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
	names := analytics.DefaultCatalog().ObservationName
	for _, bad := range []string{"nonsense", "platforms_new", "obs:"} { // not a code; read from another table; no phrase
		if err := ingest.ReviewWith(ctx, d.Conn, id, true, ingest.Correction{Metric: bad, Period: "2022"}, names); err == nil {
			t.Fatalf("metric %q was accepted", bad)
		}
	}
	c := ingest.Correction{Value: "18.5亿", Period: "2022", Metric: "contracts_value", Place: "张店区", Qualifier: "at_least"}
	if err := ingest.ReviewWith(ctx, d.Conn, id, true, c, names); err != nil {
		t.Fatal(err)
	}
	// stored under the observation name contracts_value reads, not its code
	if n := count(t, d.Conn, `SELECT count() FROM observations FINAL WHERE status = 'accepted' AND metric = '技术合同成交额'
  AND value = 1850000000 AND place_code = '370303' AND grain = 'year' AND period_start = '2022-01-01' AND qualifier = 'at_least'
  AND original LIKE '%"value":1800000000%' AND original LIKE '%"period":""%'`); n != 1 {
		t.Fatalf("corrected figure with its original stored %d times, want 1", n)
	}
	if got := seriesTotal(t, d.Conn, "contracts_value"); got != 1850000000 {
		t.Fatalf("contracts_value after accepting the figure: total %v, want 1850000000", got)
	}
}

// TestAcceptedPhraseIsObsMetric: a figure accepted under its extracted
// phrase, or renamed to obs:PHRASE, shows in analytics as obs:<phrase>.
func TestAcceptedPhraseIsObsMetric(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "dated.txt")
	text := "工作通报\n日期：2023年3月1日\n2022年，全区新增众创空间12家。全区新增孵化器5家。\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.LoadText(ctx, d.Conn, ingest.TextOptions{Path: p, LoadedBy: "test", HomePlace: "张店区"}); err != nil {
		t.Fatal(err)
	}
	q, err := ingest.ReviewQueue(ctx, d.Conn, 10)
	if err != nil || len(q) != 2 {
		t.Fatalf("queue: %+v %v", q, err)
	}
	names := analytics.DefaultCatalog().ObservationName
	phrase := q[0].Metric // as extracted, e.g. 新增众创空间
	if err := ingest.ReviewWith(ctx, d.Conn, q[0].ID, true, ingest.Correction{}, names); err != nil {
		t.Fatal(err)
	}
	if err := ingest.ReviewWith(ctx, d.Conn, q[1].ID, true, ingest.Correction{Metric: "obs:孵化器新增数"}, names); err != nil {
		t.Fatal(err)
	}
	if n := count(t, d.Conn, `SELECT count() FROM observations FINAL WHERE metric LIKE 'obs:%'`); n != 0 {
		t.Fatalf("%d rows store the obs: prefix", n)
	}
	if got := seriesTotal(t, d.Conn, "obs:"+phrase); got != 12 {
		t.Fatalf("obs:%s: total %v, want 12", phrase, got)
	}
	if got := seriesTotal(t, d.Conn, "obs:孵化器新增数"); got != 5 {
		t.Fatalf("obs:孵化器新增数: total %v, want 5", got)
	}
}

// seriesTotal reads one metric's yearly total over all time through the
// analytics service the dashboard uses.
func seriesTotal(t *testing.T, conn driver.Conn, code string) float64 {
	t.Helper()
	ss, err := analytics.NewService(conn).Series(context.Background(), []string{code}, analytics.Filter{Grain: "year"})
	if err != nil || len(ss) != 1 {
		t.Fatalf("series %s: %+v %v", code, ss, err)
	}
	return ss[0].Total
}
