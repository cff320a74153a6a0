package engine

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	chsql "github.com/zibo-kj/corridor/sql"
)

// child is one run of the engine process.
type child struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	done  chan struct{}
	err   error
	log   string
}

// startQueryNames name the queries that open the listeners
// (sql/queries/engine.*.sql); the engine runs them as `default`, whose
// quota allows exactly this many queries (see writeUsers).
func startQueryNames(o Options) []string {
	q := []string{"engine.StartListenTCP"}
	if o.HTTPPort != 0 {
		q = append(q, "engine.StartListenHTTP")
	}
	return q
}

// startScript is the start queries and the marker's SELECT as one
// clickhouse-local script. They run before any account exists, so they
// cannot go through a connection; the marker goes as a command-line
// parameter (--param_marker) instead of into the text.
func startScript(o Options) (string, error) {
	var qs []string
	for _, name := range append(startQueryNames(o), "engine.StartedMarker") {
		q, err := chsql.Query(name)
		if err != nil {
			return "", fmt.Errorf("engine: %w", err)
		}
		qs = append(qs, q)
	}
	return strings.Join(qs, ";\n"), nil
}

// spawn re-executes the binary as the engine child with the clickhouse-local
// argv that opens the listeners, prints a fresh marker (which the child
// watches for) and stays in its interactive loop.
func spawn(o Options, cfgPath string) (*child, error) {
	engDir := filepath.Join(o.DataDir, "engine")
	marker := "corridor-listening-" + randomSecret()
	argv := []string{o.LibPath, "clickhouse",
		"--path=" + filepath.Join(o.DataDir, "clickhouse") + "/",
		"--tcp_port=" + strconv.Itoa(o.TCPPort),
		"--listen_host=127.0.0.1",
		"--config-file=" + cfgPath,
		"--log-level=" + o.LogLevel,
	}
	if o.HTTPPort != 0 {
		argv = append(argv, "--http_port="+strconv.Itoa(o.HTTPPort))
	}
	script, err := startScript(o)
	if err != nil {
		return nil, err
	}
	argv = append(argv, "--multiquery", "--query="+script, "--param_marker="+marker, "--interactive",
		"--disable_suggestion", "--history_file=/dev/null", "--progress=off")
	logPath := filepath.Join(engDir, "child.log")
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
	if err != nil {
		return nil, fmt.Errorf("engine: child log: %w", err)
	}
	defer logf.Close() // the child holds its own descriptor
	cmd := exec.Command(o.Exe, argv...)
	cmd.Env = append(childEnviron(), childEnv+"=1", readyEnv+"="+marker, "HOME="+engDir)
	cmd.Dir = engDir // clickhouse-local reads ./config.xml: make it ours
	cmd.Stdout = logf
	cmd.Stderr = logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM, Setpgid: true}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("engine: start child: %w", err)
	}
	c := &child{cmd: cmd, stdin: stdin, done: make(chan struct{}), log: logPath}
	go func() { c.err = cmd.Wait(); close(c.done) }()
	return c, nil
}

func (c *child) pid() int {
	if c == nil || c.cmd.Process == nil {
		return 0
	}
	return c.cmd.Process.Pid
}

func (c *child) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// folderLocked reports whether the child exited because another engine
// still held the data folder.
func (c *child) folderLocked() bool {
	return c.exited() && c.cmd.ProcessState != nil && c.cmd.ProcessState.ExitCode() == exitLocked
}

// childEnviron is this process's environment minus what the engine has no
// business seeing (the first administrator's password, any DSN).
func childEnviron() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "CORRIDOR_") {
			continue
		}
		env = append(env, kv)
	}
	return env
}

func (c *child) exitErr() string {
	if c.err == nil {
		return "exit 0"
	}
	return c.err.Error()
}

// waitReady pings every 10 ms until the engine answers, the child exits or the timeout passes.
func (c *child) waitReady(ctx context.Context, addr string, cr Credentials, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		if c.exited() {
			return fmt.Errorf("engine: child exited during start-up (%s); see %s", c.exitErr(), c.log)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if last = ping(ctx, addr, cr, 500*time.Millisecond); last == nil {
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return fmt.Errorf("engine: not ready after %v: %v; see %s", timeout, last, c.log)
}

// stop closes the child's stdin (it types exit into the engine) and waits, then SIGKILLs.
func (c *child) stop(grace time.Duration) error {
	if c == nil {
		return nil
	}
	_ = c.stdin.Close()
	select {
	case <-c.done:
		return nil
	case <-time.After(grace):
		c.kill()
		return fmt.Errorf("engine: did not stop within %v; killed", grace)
	}
}

func (c *child) kill() {
	if c.cmd.Process != nil {
		_ = syscall.Kill(-c.cmd.Process.Pid, syscall.SIGKILL)
	}
	<-c.done
}

// ping opens a one-off connection as the writer and pings.
func ping(ctx context.Context, addr string, cr Credentials, timeout time.Duration) error {
	conn, err := clickhouse.Open(&clickhouse.Options{
		Addr:        []string{addr},
		Auth:        clickhouse.Auth{Username: cr.WriterUser, Password: cr.WriterPassword},
		DialTimeout: timeout,
	})
	if err != nil {
		return err
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return conn.Ping(ctx)
}
