package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/zibo-kj/corridor/ingest/demo"
	"github.com/zibo-kj/corridor/sql/engine"
)

var outputMu sync.Mutex

// capture runs f with os.Stdout and os.Stderr going to buffers.
func capture(t *testing.T, f func() int) (stdout, stderr string, code int) {
	t.Helper()
	return captureTo(t, nil, f)
}

// captureTo is capture that also copies standard output, as it is
// written, to live (if not nil): a caller can watch a command that runs
// until stopped.
func captureTo(t *testing.T, live *syncBuffer, f func() int) (stdout, stderr string, code int) {
	t.Helper()
	outputMu.Lock()
	defer outputMu.Unlock()
	oldOut, oldErr := os.Stdout, os.Stderr
	ro, wo, _ := os.Pipe()
	re, we, _ := os.Pipe()
	os.Stdout, os.Stderr = wo, we
	var bo, be bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(2)
	var outW io.Writer = &bo
	if live != nil {
		outW = io.MultiWriter(&bo, live)
	}
	go func() { io.Copy(outW, ro); wg.Done() }()
	go func() { io.Copy(&be, re); wg.Done() }()
	code = f()
	wo.Close()
	we.Close()
	wg.Wait()
	os.Stdout, os.Stderr = oldOut, oldErr
	return bo.String(), be.String(), code
}

// TestHostileCLIBesideServer: with `serve` running on a data folder, the
// other commands work beside it through its engine — people need not stop
// the dashboard — and `corridor query` stays read-only whatever it is given.
func TestHostileCLIBesideServer(t *testing.T) {
	dir := t.TempDir()
	addr, _ := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", dir, "--addr", addr, "--log-level", "warn"})
	}()
	defer func() {
		cancel()
		<-done
	}()
	url := "http://" + addr
	waitHealthy(t, url, 0, done)
	pid := childPID(t, dir)
	cli := func(args ...string) (string, string, int) {
		t.Helper()
		return capture(t, func() int {
			return run(context.Background(), append(args[:1:1], append([]string{"--data", dir, "--log-level", "error"}, args[1:]...)...))
		})
	}

	files, err := demo.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := cli("ingest", files[0].Path); code != exitOK {
		t.Fatalf("ingest beside serve: exit %d\n%s\n%s", code, out, errOut)
	}
	if out, errOut, code := cli("user", "add", "clerk", "--role", "admin"); code != exitOK || !strings.Contains(out, "password:") {
		t.Fatalf("user add beside serve: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, errOut, code := cli("migrate"); code != exitOK {
		t.Fatalf("migrate beside serve: exit %d %s", code, errOut)
	}
	out, errOut, code := cli("query", "--format", "csv", "SELECT count() FROM sources_current")
	if code != exitOK || strings.TrimSpace(out) != "\ufeffcount()\n1" {
		t.Fatalf("query beside serve: exit %d %q %s", code, out, errOut)
	}

	var cr engine.Credentials
	b, _ := os.ReadFile(filepath.Join(dir, "engine", "secrets.json"))
	if err := json.Unmarshal(b, &cr); err != nil {
		t.Fatal(err)
	}
	out, _, code = cli("engine")
	if code != exitOK || !strings.Contains(out, cr.ReaderPassword) || strings.Contains(out, cr.WriterPassword) || strings.Contains(out, cr.WebPassword) {
		t.Fatalf("engine beside serve (exit %d) must print the analysts' DSN only:\n%s", code, out)
	}

	for _, q := range []string{
		"INSERT INTO targets (metric, place_code, year, value, version) VALUES ('m', 'x', 2021, 1, 1)",
		"DROP TABLE targets",
		"ALTER TABLE targets DELETE WHERE 1",
		"SELECT * FROM users",
		"SELECT * FROM app_secrets",
		"SELECT * FROM file('/etc/passwd', 'LineAsString')",
		"SELECT count() FROM sources SETTINGS max_execution_time = 0",
		"SELECT count() FROM sources SETTINGS max_result_rows = 0",
		"SELECT count() FROM sources SETTINGS max_memory_usage = 0",
		"SET readonly = 0",
		"SYSTEM STOP LISTEN TCP",
		"SYSTEM SHUTDOWN",
	} {
		if _, errOut, code := cli("query", q); code != exitFailure || errOut == "" {
			t.Errorf("query %q beside serve: exit %d %q, want a refusal", q, code, errOut)
		}
	}
	if _, _, code := cli("query", "SELECT 'Received exception', '\nCode: 241'"); code != exitOK {
		t.Errorf("a query naming an engine error: exit %d", code)
	}
	for _, args := range [][]string{{"query", "--max-rows", "0", "SELECT 1"}, {"query", "--max-rows", "2000000", "SELECT 1"}} {
		if _, _, code := cli(args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	// The writer's DSN is not a read path.
	writer := fmt.Sprintf("clickhouse://%s:%s@%s/corridor", cr.WriterUser, cr.WriterPassword, readEndpoint(t, dir))
	if _, errOut, code := capture(t, func() int {
		return run(context.Background(), []string{"query", "--clickhouse", writer, "--log-level", "error", "SELECT 1"})
	}); code != exitFailure || !strings.Contains(errOut, "read-only") {
		t.Errorf("query with the writer's DSN: exit %d %q, want a refusal", code, errOut)
	}

	h, _, err := health(url)
	if err != nil || h["engine_restarts"] != 0.0 || childPID(t, dir) != pid {
		t.Fatalf("engine restarted: %v %v", h, err)
	}
	if out, _, _ := cli("query", "--format", "csv", "SELECT count() FROM targets_current"); !strings.HasPrefix(out, "\ufeffcount()\n") {
		t.Fatalf("after the hostile queries: %q", out)
	}
}

func readEndpoint(t *testing.T, dir string) string {
	t.Helper()
	var p struct {
		Addr string `json:"addr"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "engine", "endpoint.json"))
	if err != nil || json.Unmarshal(b, &p) != nil {
		t.Fatalf("endpoint: %v", err)
	}
	return p.Addr
}
