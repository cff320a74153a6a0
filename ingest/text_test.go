package ingest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

func TestLoadTextThenReview(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	p := "testdata/seed-letter.txt" // the public reply letter the project grew from (copy of shared/seed)
	rep, err := ingest.LoadText(ctx, d.Conn, ingest.TextOptions{Path: p, LoadedBy: "test"})
	if err != nil || rep.Status != "loaded" || rep.Accepted < 5 {
		t.Fatalf("load text: %+v %v", rep, err)
	}
	q, err := ingest.ReviewQueue(ctx, d.Conn, 500)
	if err != nil || len(q) != rep.Accepted {
		t.Fatalf("queue %d %v, want %d", len(q), err, rep.Accepted)
	}
	var platforms *ingest.Candidate
	for i, c := range q {
		if c.Value == 30 && c.Qualifier == "at_least" && strings.Contains(c.Metric, "平台") {
			platforms = &q[i]
		}
	}
	if platforms == nil {
		t.Fatalf("no 30余 platforms candidate in %+v", q)
	}
	if !strings.Contains(platforms.Evidence, "共建平台30余个") || !strings.Contains(platforms.Partner, "山东大学") {
		t.Fatalf("candidate %+v", platforms)
	}
	if n := count(t, d.Conn, "SELECT count() FROM observations_current"); n != 0 {
		t.Fatalf("unreviewed candidates counted: %d", n)
	}
	if err := ingest.Review(ctx, d.Conn, platforms.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := ingest.Review(ctx, d.Conn, platforms.ID, true); err == nil {
		t.Fatal("reviewing twice must fail: it is no longer awaiting review")
	}
	if n := count(t, d.Conn, "SELECT count() FROM observations_current WHERE value = 30 AND qualifier = 'at_least'"); n != 1 {
		t.Fatalf("accepted candidate visible %d times, want 1", n)
	}
	q2, _ := ingest.ReviewQueue(ctx, d.Conn, 500)
	if len(q2) != len(q)-1 {
		t.Fatalf("queue after review %d, want %d", len(q2), len(q)-1)
	}
	rep2, err := ingest.LoadText(ctx, d.Conn, ingest.TextOptions{Path: p})
	if err != nil || rep2.Status != "already_loaded" {
		t.Fatalf("reload: %+v %v", rep2, err)
	}
}
