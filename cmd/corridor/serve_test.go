package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/zibo-kj/corridor/sql/engine"
)

func TestMain(m *testing.M) {
	engine.MaybeRunChild()
	os.Exit(m.Run())
}

func freeAddr(t *testing.T) (string, int) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String(), l.Addr().(*net.TCPAddr).Port
}

func health(url string) (map[string]any, int, error) {
	resp, err := http.Get(url + "/healthz")
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	var out map[string]any
	b, _ := io.ReadAll(resp.Body)
	err = json.Unmarshal(b, &out)
	return out, resp.StatusCode, err
}

// TestServeSurvivesEngineKill runs `corridor serve`, kills the engine child
// with SIGKILL and checks the supervisor brings it back with no row lost; a
// second serve on the same folder fails at once.
func TestServeSurvivesEngineKill(t *testing.T) {
	dir := t.TempDir()
	addr, _ := freeAddr(t)
	_, port := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", dir, "--addr", addr, "--engine-port", fmt.Sprint(port), "--log-level", "warn"})
	}()
	url := "http://" + addr
	waitHealthy(t, url, 0, done)

	var cr engine.Credentials
	b, err := os.ReadFile(filepath.Join(dir, "engine", "secrets.json"))
	if err != nil || json.Unmarshal(b, &cr) != nil {
		t.Fatalf("secrets: %v", err)
	}
	conn, err := clickhouse.Open(&clickhouse.Options{Addr: []string{fmt.Sprintf("127.0.0.1:%d", port)}, Auth: clickhouse.Auth{Database: "corridor", Username: cr.WriterUser, Password: cr.WriterPassword}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	bg := context.Background()
	if err := conn.Exec(bg, "INSERT INTO targets (metric, place_code, year, value, version) SELECT 'm', toString(number), 2021, number, 1 FROM numbers(500)"); err != nil {
		t.Fatal(err)
	}

	// A second serve on the same data folder fails at once.
	t0 := time.Now()
	if code := run(bg, []string{"serve", "--data", dir, "--addr", "127.0.0.1:0", "--log-level", "error"}); code != exitFailure || time.Since(t0) > 5*time.Second {
		t.Fatalf("second serve: exit %d after %v, want %d at once", code, time.Since(t0), exitFailure)
	}

	pid := childPID(t, dir)
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitHealthy(t, url, 1, done)
	var n uint64
	if err := conn.QueryRow(bg, "SELECT count() FROM targets").Scan(&n); err != nil || n != 500 {
		t.Fatalf("after engine kill: %d rows (%v), want 500", n, err)
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Fatalf("serve exit %d after cancel, want 0", code)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func waitHealthy(t *testing.T, url string, restarts float64, done chan int) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		select {
		case code := <-done:
			t.Fatalf("serve exited early with %d", code)
		default:
		}
		h, code, err := health(url)
		if err == nil && code == 200 && h["status"] == "ok" && h["engine_restarts"] == restarts {
			if h["schema_version"].(float64) < 2 {
				t.Fatalf("schema_version %v", h["schema_version"])
			}
			return
		}
		last = fmt.Sprint(h, code, err)
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("not healthy with %v restarts: %s", restarts, last)
}

// childPID finds the engine child serving dir (its argv names the data path).
func childPID(t *testing.T, dir string) int {
	t.Helper()
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		var pid int
		if _, err := fmt.Sscan(e.Name(), &pid); err != nil {
			continue
		}
		b, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if strings.Contains(string(b), "--path="+filepath.Join(dir, "clickhouse")) {
			return pid
		}
	}
	t.Fatal("engine child not found")
	return 0
}
