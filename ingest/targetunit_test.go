package ingest_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

// TestTargetUnitMustFitItsMetric: a target in a unit its metric cannot be
// measured in is refused naming the cell, the two units and the fix;
// money in any money unit, and the metric's own counter, are fine.
func TestTargetUnitMustFitItsMetric(t *testing.T) {
	units := map[string]string{"platforms_cum": "个", "contracts_value": "元", "累计共建平台": "个"}
	metricUnit := func(m string) (string, bool) { u, ok := units[m]; return u, ok }
	d := h.DB(t)
	good := writeFile(t, "targets.csv", "指标,地区,目标年份,目标值,单位\nplatforms_cum,淄博市,2025,60,个\ncontracts_value,淄博市,2025,15,亿元\nunknown_metric,淄博市,2025,3,家\n")
	if rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: good, MetricUnit: metricUnit}); err != nil || rep.Accepted != 3 {
		t.Fatalf("fitting units: %+v %v", rep, err)
	}
	for _, bad := range []struct{ row, unit string }{
		{"platforms_cum,淄博市,2024,1.2,亿元", "亿元"},
		{"累计共建平台,淄博市,2024,60,家", "家"},
		{"contracts_value,淄博市,2024,15,个", "个"},
	} {
		p := writeFile(t, "bad.csv", "指标,地区,目标年份,目标值,单位\n"+bad.row+"\n")
		rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p, MetricUnit: metricUnit})
		if !errors.Is(err, ingest.ErrRejected) || len(rep.Errors) != 1 {
			t.Fatalf("%s: %+v %v, want a refusal", bad.row, rep, err)
		}
		msg := rep.Errors[0].Error()
		if !strings.Contains(msg, `bad.csv:2: column E "单位"`) || !strings.Contains(msg, "“"+bad.unit+"”") || !strings.Contains(msg, "请改用") {
			t.Errorf("%s: %s", bad.row, msg)
		}
	}
	if n := count(t, d.Conn, "SELECT count() FROM targets_current"); n != 3 {
		t.Errorf("%d targets stored, want the 3 that fit", n)
	}
}
