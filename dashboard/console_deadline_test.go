package dashboard_test

import (
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/sql/chtest"
)

// TestConsoleOutlivesTheRequestDeadline: a server whose pages must answer
// within 1 s still lets a console query run to its own bound (here 3 s of
// sleeping), while its other routes keep the short deadline.
func TestConsoleOutlivesTheRequestDeadline(t *testing.T) {
	d := h.DB(t)
	s, err := dashboard.New(dashboard.Deps{Conn: d.Conn, Reader: chtest.Open(t, d.Web), Console: chtest.Open(t, d.Reader), Database: d.Name, Engine: "embedded", RequestTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s, db: d}
	addUser(t, d, "ana", auth.Analyst)
	ts.login(t, "ana")
	started := time.Now()
	code, a, raw := runQuery(t, ts, sqlBody("SELECT sleepEachRow(0.5) AS z FROM numbers(6) SETTINGS max_block_size = 1", nil), "", "")
	if code != 200 || a.RowCnt != 6 {
		t.Fatalf("a 3 s console query under a 1 s request deadline: status %d after %v: %.300s", code, time.Since(started), raw)
	}
	if took := time.Since(started); took < 3*time.Second {
		t.Fatalf("the query took %v, less than its sleeps", took)
	}
}

// TestConsoleAnswersTheEnginesTimeout: a query past its own
// max_execution_time comes back as the console's readable timeout (422),
// not cut by the edge.
func TestConsoleAnswersTheEnginesTimeout(t *testing.T) {
	ts := newConsoleServer(t)
	code, a, raw := runQuery(t, ts, map[string]any{"sql": "SELECT sleepEachRow(0.5) FROM numbers(20) SETTINGS max_block_size = 1", "limits": map[string]any{"timeout_seconds": 1}}, "?lang=en", "")
	if code != 422 || a.Problem.Kind != "timeout" {
		t.Fatalf("status %d: %.300s", code, raw)
	}
}
