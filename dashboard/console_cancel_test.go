package dashboard_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/sql/engine"
)

// TestConsoleQueryEndsWhenClientLeaves serves over a real socket: a client
// that gives up on a 20-second query must end it on the engine, which the
// audit records as cancelled long before the query could have finished.
func TestConsoleQueryEndsWhenClientLeaves(t *testing.T) {
	ts := newConsoleServer(t)
	port, err := engine.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	go func() { _ = ts.Listen(ctx, fmt.Sprintf("127.0.0.1:%d", port)) }()
	time.Sleep(300 * time.Millisecond)

	const q = "SELECT sleepEachRow(0.5) FROM numbers(40) SETTINGS max_block_size = 1"
	rctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(rctx, "POST", fmt.Sprintf("http://127.0.0.1:%d/api/v1/query", port), strings.NewReader(`{"sql": "`+q+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(auth.CSRFHeader, ts.csrf)
	for _, c := range ts.cookies {
		req.AddCookie(c)
	}
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("the query answered %d before the client left", resp.StatusCode)
	}
	var errText string
	var elapsed uint64
	for i := 0; i < 100; i++ {
		err := ts.db.Conn.QueryRow(context.Background(), "SELECT error, elapsed_ms FROM console_audit WHERE sql = ?", q).Scan(&errText, &elapsed)
		if err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(errText, "cancelled") || elapsed >= 15_000 {
		t.Fatalf("audit: error %q after %d ms; want a cancellation well before the query's 20 s", errText, elapsed)
	}
}
