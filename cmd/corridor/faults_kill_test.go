package main

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestFaultEngineKilledDuringPageLoads kills the engine while a viewer's
// pages are loading: every answer is either the page or a 503 with the
// readable message (never a 500 or a trace), the supervisor restarts the
// engine once, pages come back, and it stays at one restart (no storm).
func TestFaultEngineKilledDuringPageLoads(t *testing.T) {
	const pw = "fault-boss-pass-2026"
	t.Setenv(adminPasswordEnv, pw)
	dir := t.TempDir()
	_, port := freeAddr(t)
	// every page load reads the data version, so loads during the outage
	// (about half a second) meet it rather than a version read just before
	base := startServe(t, "--data", dir, "--engine-port", fmt.Sprint(port), "--data-version-max-age", "0")
	boss := newBrowser(t)
	boss.login(base, "admin", pw)

	var mu sync.Mutex
	statuses := map[int]int{}
	var bad []string
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			br := newBrowser(t)
			br.cookies = boss.snapshot()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				// a new filter each time (a day of its own), so neither the
				// page cache nor the remembered data version answers alone
				from := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, w*5000+i%5000)
				code, body := br.do("GET", fmt.Sprintf("%s/platforms?from=%s&to=2099", base, from.Format(time.DateOnly)), "", nil)
				mu.Lock()
				statuses[code]++
				if code != 200 && (code != 503 || !strings.Contains(body, "数据库暂时不可用")) || strings.Contains(body, "goroutine ") {
					bad = append(bad, fmt.Sprintf("%d %.300s", code, body))
				}
				mu.Unlock()
			}
		}()
	}
	time.Sleep(500 * time.Millisecond)
	if err := syscall.Kill(childPID(t, dir), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitRestarts(t, base, 1)
	time.Sleep(time.Second) // pages after the restart
	close(stop)
	wg.Wait()
	t.Logf("answers while the engine was killed and restarted: %v", statuses)
	if len(bad) > 0 {
		t.Errorf("%d answers neither a page nor the outage message, e.g. %s", len(bad), bad[0])
	}
	if statuses[503] == 0 {
		t.Error("no page load met the outage: the kill was not during page loads")
	}
	if code, _ := boss.do("GET", base+"/platforms?from=2001", "", nil); code != 200 {
		t.Errorf("page after the restart: %d", code)
	}
	// The supervisor health-checks every 5 s: two rounds, still one restart.
	time.Sleep(11 * time.Second)
	m := scrape(t, base)
	if n := metricValue(m, "corridor_engine_restarts_total"); n != 1 {
		t.Errorf("engine restarts after 11 s: %v, want 1\n%s", n, m)
	}
	if n := metricValue(m, `corridor_query_errors_total{kind="unavailable"}`); n < 1 {
		t.Errorf("the outage's errors are not counted:\n%s", m)
	}
}

func (b *browser) snapshot() map[string]string {
	out := map[string]string{}
	for k, v := range b.cookies {
		out[k] = v
	}
	return out
}

// waitRestarts waits until /healthz says ok with n engine restarts.
func waitRestarts(t *testing.T, base string, n float64) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if h, code, err := health(base); err == nil && code == 200 && h["engine_restarts"] == n {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("not healthy with %v restarts after 60 s", n)
}

// scrape reads /metrics as a loopback scraper.
func scrape(t *testing.T, base string) string {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("/metrics: %d", resp.StatusCode)
	}
	return string(b)
}

// metricValue is a sample's value in an exposition, or -1 when absent.
func metricValue(text, sample string) float64 {
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(sample) + ` (\S+)$`).FindStringSubmatch(text)
	if m == nil {
		return -1
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}
