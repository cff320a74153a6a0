package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// serveChildArgs, when set, makes the test binary run 'corridor serve' with
// these (newline-separated) arguments instead of tests: the way to start
// serve with a variable in its initial environment block.
const serveChildArgs = "CORRIDOR_TEST_SERVE_ARGS"

// TestHostileAdminPasswordLeavesEnvironment: serve started with
// CORRIDOR_ADMIN_PASSWORD creates the admin with it, and afterwards neither
// its own /proc/PID/environ nor the engine child's holds the password.
func TestHostileAdminPasswordLeavesEnvironment(t *testing.T) {
	if args := os.Getenv(serveChildArgs); args != "" {
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
		defer stop()
		os.Exit(run(ctx, strings.Split(args, "\n")))
	}
	const secret = "tangerine-lighthouse-93"
	dir := t.TempDir()
	addr, _ := freeAddr(t)
	_, port := freeAddr(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHostileAdminPasswordLeavesEnvironment$")
	cmd.Env = append(os.Environ(), adminPasswordEnv+"="+secret,
		serveChildArgs+"="+strings.Join([]string{"serve", "--data", dir, "--addr", addr, "--engine-port", fmt.Sprint(port), "--log-level", "warn"}, "\n"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	go func() { _ = cmd.Wait(); done <- cmd.ProcessState.ExitCode() }()
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
		}
	}()
	base := "http://" + addr
	waitHealthy(t, base, 0, done)

	for who, pid := range map[string]int{"serve": cmd.Process.Pid, "engine": childPID(t, dir)} {
		env, err := os.ReadFile(filepath.Join("/proc", fmt.Sprint(pid), "environ"))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(env, []byte(secret)) {
			t.Errorf("%s (pid %d): /proc/PID/environ still holds the admin password", who, pid)
		}
		if who == "engine" && bytes.Contains(env, []byte(adminPasswordEnv)) {
			t.Errorf("engine child inherited %s", adminPasswordEnv)
		}
	}
	if strings.Contains(out.String(), secret) {
		t.Errorf("serve printed the password:\n%s", out.String())
	}
	if code := loginStatus(t, base, "admin", secret); code != http.StatusSeeOther {
		t.Fatalf("admin login with the password from the environment: %d, want 303 (was it read before being cleared?)", code)
	}
}

// loginStatus logs in through the form and returns the POST's status.
func loginStatus(t *testing.T, base, name, pw string) int {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	cl := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := cl.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("login page without a CSRF token: %s", b)
	}
	resp, err = cl.PostForm(base+"/login", url.Values{"username": {name}, "password": {pw}, "csrf": {string(m[1])}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
