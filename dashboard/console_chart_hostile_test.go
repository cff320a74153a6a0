package dashboard_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestConsoleChartHostileQueries sends the hostile suite's refusals through
// "chart this" (POST /api/v1/query/chart), the console's second way to run
// a statement: each must be refused the same way, and the data and engine
// must be untouched afterwards.
func TestConsoleChartHostileQueries(t *testing.T) {
	pc := newProdConsole(t)
	before := pc.fingerprint(t)
	n, failed := 0, 0
	for _, c := range hostileCases(pc.e.Endpoint().HTTPAddr) {
		if c.status == 200 || c.status == 0 {
			continue // answers, not refusals: their columns are not a chart's
		}
		n++
		body := sqlBody(c.sql, c.params)
		if c.limits != nil {
			body["limits"] = c.limits
		}
		body["chart"] = map[string]any{"type": "bar", "x": "a", "y": []string{"b"}}
		code, _, raw := postChart(t, pc.testServer, body)
		var a queryAnswer
		_ = json.Unmarshal(raw, &a) // a refusal is JSON; a body that is not fails the message check below
		bad := ""
		switch {
		case c.status == anyRefusal && (code < 400 || code > 499):
			bad = "want a 4xx refusal"
		case c.status > 0 && code != c.status:
			bad = "wrong status"
		case len(c.kinds) > 0 && !contains(c.kinds, a.Problem.Kind):
			bad = "wrong kind " + a.Problem.Kind
		case a.Error == "" || strings.Contains(string(raw), "Stack trace"):
			bad = "refusal without a readable message"
		}
		if bad != "" {
			failed++
			t.Errorf("%s: %s: status %d: %.300s", c.name, bad, code, raw)
		}
	}
	t.Logf("hostile suite through the chart: %d refusals, %d failed", n, failed)
	if n < 40 {
		t.Fatalf("only %d refusals sent through the chart", n)
	}
	pc.intact(t)
	if after := pc.fingerprint(t); !reflect.DeepEqual(before, after) {
		t.Fatalf("data changed:\nbefore %v\nafter  %v", before, after)
	}
}
