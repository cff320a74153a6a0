package dashboard_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/sql/engine"
)

// consoleClient is one signed-in person talking to a server over a socket.
type consoleClient struct {
	base    string
	cookies []*http.Cookie
	csrf    string
}

// post runs one console query; it reports rather than fails, because it
// runs on a goroutine of its own.
func (c consoleClient) post(sqlText string) (int, queryAnswer, time.Duration, error) {
	b, _ := json.Marshal(sqlBody(sqlText, nil))
	req, err := http.NewRequest("POST", c.base+"/api/v1/query", strings.NewReader(string(b)))
	if err != nil {
		return 0, queryAnswer{}, 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(auth.CSRFHeader, c.csrf)
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	t0 := time.Now()
	resp, err := (&http.Client{Timeout: 90 * time.Second}).Do(req)
	if err != nil {
		return 0, queryAnswer{}, time.Since(t0), err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var a queryAnswer
	if err := json.Unmarshal(raw, &a); err != nil {
		return resp.StatusCode, a, time.Since(t0), fmt.Errorf("answer is not JSON: %v: %.200s", err, raw)
	}
	return resp.StatusCode, a, time.Since(t0), nil
}

// TestConsoleEightAnalystsAtOnce: eight analysts use the console at the
// same time. Four run a query that would read for far longer than its
// (lowered) time limit; a fifth tries to lift the limit instead; three run
// quick queries meanwhile. The heavy ones end at their limit with a timeout,
// the lifting is refused, every quick query answers while the heavy ones
// are still running, and the dashboard's own API keeps answering.
func TestConsoleEightAnalystsAtOnce(t *testing.T) {
	ts := newConsoleServer(t)
	port, err := engine.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	go func() { _ = ts.Listen(ctx, fmt.Sprintf("127.0.0.1:%d", port)) }()
	for i := 0; ; i++ {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if i > 100 {
			t.Fatal("the server did not start listening")
		}
		time.Sleep(50 * time.Millisecond)
	}
	var people []consoleClient
	for i := range 8 {
		name := fmt.Sprintf("analyst%d", i+1)
		addUser(t, ts.db, name, auth.Analyst)
		c := &testServer{Server: ts.Server, db: ts.db}
		c.login(t, name)
		people = append(people, consoleClient{base: base, cookies: c.cookies, csrf: c.csrf})
	}

	// 1.9 billion rows formatted as text: minutes of work for four at once
	// on any machine, inside the account's rows-to-read bound.
	// The limit leaves the quick queries seconds of room on a busy 2-core
	// machine: they must not wait for the heavy ones, not be fast.
	const limit = 8 * time.Second
	heavy := fmt.Sprintf("SELECT count() FROM numbers(1900000000) WHERE length(toString(cityHash64(number))) = 1 SETTINGS max_execution_time = %d", int(limit.Seconds()))
	type result struct {
		who     string
		status  int
		kind    string
		took    time.Duration
		err     error
		endedAt time.Time
	}
	results := make(chan result, 64)
	var wg sync.WaitGroup
	run := func(who string, c consoleClient, q string) {
		defer wg.Done()
		status, a, took, err := c.post(q)
		results <- result{who: who, status: status, kind: a.Problem.Kind, took: took, err: err, endedAt: time.Now()}
	}
	start := time.Now()
	for i := range 4 {
		wg.Add(1)
		go run(fmt.Sprintf("heavy%d", i+1), people[i], heavy)
	}
	time.Sleep(500 * time.Millisecond) // the heavy queries are running
	wg.Add(1)
	go run("lift", people[4], "SELECT 1 SETTINGS max_execution_time = 100000")
	for i := 5; i < 8; i++ {
		wg.Add(1)
		go func(c consoleClient, who string) {
			defer wg.Done()
			for j := range 3 {
				status, a, took, err := c.post(fmt.Sprintf("SELECT count() FROM platforms_current WHERE name != '%d'", j))
				results <- result{who: who, status: status, kind: a.Problem.Kind, took: took, err: err, endedAt: time.Now()}
			}
		}(people[i], fmt.Sprintf("quick%d", i+1))
	}
	// The dashboard's API, read by its own account, meanwhile.
	code, body := getAs(t, ts, "/api/v1/overview", "")
	if code != 200 {
		t.Errorf("the dashboard's overview during the heavy queries: %d %.200s", code, body)
	}
	wg.Wait()
	close(results)

	var firstHeavyEnd time.Time
	var quickEnds []time.Time
	var quick int
	for r := range results {
		if r.err != nil {
			t.Errorf("%s: %v", r.who, r.err)
			continue
		}
		switch {
		case strings.HasPrefix(r.who, "heavy"):
			if r.status == 200 || r.kind != "timeout" {
				t.Errorf("%s: %d %q, want a timeout at its limit", r.who, r.status, r.kind)
			}
			if r.took > limit+5*time.Second {
				t.Errorf("%s ran %v: its %v limit did not hold", r.who, r.took.Round(time.Millisecond), limit)
			}
			if firstHeavyEnd.IsZero() || r.endedAt.Before(firstHeavyEnd) {
				firstHeavyEnd = r.endedAt
			}
			t.Logf("%s: %d %s after %v", r.who, r.status, r.kind, r.took.Round(time.Millisecond))
		case r.who == "lift":
			if r.status == 200 || r.kind != "limit" {
				t.Errorf("lifting max_execution_time: %d %q, want a refusal of kind limit", r.status, r.kind)
			}
		default:
			quick++
			if r.status != 200 {
				t.Errorf("%s: %d %q beside the heavy queries", r.who, r.status, r.kind)
			}
			quickEnds = append(quickEnds, r.endedAt)
		}
	}
	if quick != 9 {
		t.Errorf("%d quick answers, want 9", quick)
	}
	for _, e := range quickEnds {
		if e.After(firstHeavyEnd) {
			t.Errorf("a quick query answered %v after the start, after the first heavy one ended (%v): it waited behind them",
				e.Sub(start).Round(time.Millisecond), firstHeavyEnd.Sub(start).Round(time.Millisecond))
			break
		}
	}
}
