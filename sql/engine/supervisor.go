package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// Options configure an embedded engine.
type Options struct {
	DataDir  string // engine data in DataDir/clickhouse, config and logs in DataDir/engine
	LibPath  string // a verified libchdb.so (see EnsureLib)
	Database string // the application database: the accounts' rights end at it
	// Scope widens the accounts' grants to databases matching a prefix
	// pattern such as "corridor_t*" (test harnesses); default Database.
	Scope    string
	TCPPort  int          // native protocol port on 127.0.0.1; 0 picks a free one
	HTTPPort int          // HTTP interface port; 0 leaves it off
	Logger   *slog.Logger // where lifecycle events go
	// LogLevel is the engine's own log level (see LogLevel); default "warning".
	LogLevel string
	Exe      string // the binary to re-execute as the child; default os.Executable()
	// Cluster, when set, writes remote_servers so that Distributed tables
	// can reach the other shards (see Cluster).
	Cluster *Cluster
	// Credentials, when set, replace the data folder's own generated
	// accounts: every node of a cluster must accept the same writer.
	Credentials *Credentials
}

// Engine is a running, supervised embedded ClickHouse.
type Engine struct {
	opts     Options
	creds    Credentials
	cfgPath  string
	log      *slog.Logger
	unlock   func()
	mu       sync.Mutex
	child    *child
	restarts int
	stopping bool
	stopped  chan struct{}
	started  time.Time
}

// Start takes the data folder's lock, writes the users file, starts the
// child and waits until it accepts connections. The engine is restarted with
// backoff whenever it dies, until Stop.
func Start(ctx context.Context, o Options) (*Engine, error) {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Database == "" {
		o.Database = "corridor"
	}
	if o.Exe == "" {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("engine: own executable: %w", err)
		}
		o.Exe = exe
	}
	abs, err := filepath.Abs(o.DataDir)
	if err != nil {
		return nil, fmt.Errorf("engine: data folder: %w", err)
	}
	o.DataDir = abs
	cfgDir := filepath.Join(o.DataDir, "engine")
	if err := os.MkdirAll(filepath.Join(o.DataDir, "clickhouse"), 0o750); err != nil {
		return nil, fmt.Errorf("engine: data folder: %w", err)
	}
	if err := os.MkdirAll(cfgDir, 0o750); err != nil {
		return nil, fmt.Errorf("engine: data folder: %w", err)
	}
	unlock, err := lockFile(filepath.Join(o.DataDir, ".corridor.lock"), false)
	if errors.Is(err, ErrInUse) {
		return nil, fmt.Errorf("engine: data folder %s: %w (Attach reaches its engine)", o.DataDir, ErrInUse)
	}
	if err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	e := &Engine{opts: o, log: o.Logger, unlock: unlock, stopped: make(chan struct{})}
	if err := e.prepare(cfgDir); err != nil {
		unlock()
		return nil, err
	}
	if err := e.startChild(ctx); err != nil {
		unlock()
		return nil, err
	}
	if err := writeEndpoint(cfgDir, e.Endpoint()); err != nil {
		e.Stop(10 * time.Second)
		return nil, err
	}
	go e.supervise()
	return e, nil
}

func (e *Engine) prepare(cfgDir string) error {
	creds, err := loadOrCreateCredentials(filepath.Join(cfgDir, "secrets.json"))
	if err != nil {
		return err
	}
	if e.opts.Credentials != nil {
		creds = *e.opts.Credentials
		if err := writePrivate(filepath.Join(cfgDir, "secrets.json"), mustJSON(creds)); err != nil {
			return err
		}
	}
	remote, err := remoteServersXML(e.opts.Cluster, creds)
	if err != nil {
		return err
	}
	e.creds = creds
	scope := e.opts.Scope
	if scope == "" {
		scope = QuoteIdentGrant(e.opts.Database)
	}
	users, err := writeUsers(cfgDir, scope, e.opts.Database, creds, len(startQueryNames(e.opts)), e.opts.Cluster != nil)
	if err != nil {
		return err
	}
	if e.opts.LogLevel == "" {
		e.opts.LogLevel = "warning"
	}
	backups := BackupsDir(e.opts.DataDir)
	if err := os.MkdirAll(backups, 0o750); err != nil {
		return fmt.Errorf("engine: backups folder: %w", err)
	}
	if e.cfgPath, err = writeConfig(cfgDir, users, filepath.Join(cfgDir, "clickhouse.log"), e.opts.LogLevel, backups, remote); err != nil {
		return err
	}
	if e.opts.TCPPort == 0 {
		if e.opts.TCPPort, err = FreePort(); err != nil {
			return fmt.Errorf("engine: pick a port: %w", err)
		}
	}
	return nil
}

// lockedRetry is how long a start waits for an engine that is still
// stopping (its parent was killed) to let go of the data folder.
const lockedRetry = 30 * time.Second

func (e *Engine) startChild(ctx context.Context) error {
	t0 := time.Now()
	var c *child
	for {
		var err error
		if c, err = spawn(e.opts, e.cfgPath); err != nil {
			return err
		}
		err = c.waitReady(ctx, e.Addr(), e.creds, 60*time.Second)
		if err == nil {
			break
		}
		c.kill()
		if !c.folderLocked() || time.Since(t0) > lockedRetry {
			return err
		}
		e.log.Warn("engine: an earlier engine still holds the data folder; retrying", "waited", time.Since(t0).Round(time.Millisecond))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
	e.mu.Lock()
	e.child = c
	e.started = time.Now()
	e.mu.Unlock()
	e.log.Info("engine ready", "addr", e.Addr(), "pid", c.pid(), "took", time.Since(t0).Round(time.Millisecond))
	return nil
}

// supervise restarts the child when it dies unasked, with exponential
// backoff (reset once an engine has stayed up for a minute), and kills a
// child that stops answering pings so that it is restarted too.
func (e *Engine) supervise() {
	defer close(e.stopped)
	backoff := 250 * time.Millisecond
	for {
		e.mu.Lock()
		c := e.child
		e.mu.Unlock()
		e.watch(c)
		e.mu.Lock()
		stopping := e.stopping
		up := time.Since(e.started)
		e.mu.Unlock()
		if stopping {
			return
		}
		if up > time.Minute {
			backoff = 250 * time.Millisecond
		}
		e.log.Warn("engine exited unexpectedly; restarting", "exit", c.exitErr(), "after", backoff, "log", filepath.Join(e.opts.DataDir, "engine"))
		for {
			time.Sleep(backoff)
			backoff = min(backoff*2, 15*time.Second)
			if e.isStopping() {
				return
			}
			if err := e.startChild(context.Background()); err != nil {
				e.log.Error("engine restart failed", "err", err, "retry_in", backoff)
				continue
			}
			e.mu.Lock()
			e.restarts++
			e.mu.Unlock()
			break
		}
	}
}

// watch returns when the child exits; it health-checks it meanwhile.
func (e *Engine) watch(c *child) {
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	fails := 0
	for {
		select {
		case <-c.done:
			return
		case <-tick.C:
			if e.isStopping() {
				continue
			}
			if err := ping(context.Background(), e.Addr(), e.creds, 3*time.Second); err != nil {
				fails++
				e.log.Warn("engine health check failed", "err", err, "consecutive", fails)
				if fails >= 3 {
					c.kill()
				}
				continue
			}
			fails = 0
		}
	}
}

func (e *Engine) isStopping() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.stopping
}

// Stop stops the engine cleanly (SIGKILL after grace) and releases the data
// folder. Close client pools first: an open idle connection delays shutdown.
func (e *Engine) Stop(grace time.Duration) error {
	e.mu.Lock()
	if e.stopping {
		e.mu.Unlock()
		<-e.stopped
		return nil
	}
	e.stopping = true
	c := e.child
	e.mu.Unlock()
	err := c.stop(grace)
	<-e.stopped
	removeEndpoint(filepath.Join(e.opts.DataDir, "engine"))
	e.unlock()
	return err
}

// Addr is host:port of the native protocol listener.
func (e *Engine) Addr() string {
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(e.opts.TCPPort))
}

// HTTPAddr is host:port of the HTTP interface, or "" when it is off.
func (e *Engine) HTTPAddr() string {
	if e.opts.HTTPPort == 0 {
		return ""
	}
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(e.opts.HTTPPort))
}

// Credentials returns the accounts of this data folder.
func (e *Engine) Credentials() Credentials { return e.creds }

// Endpoint is how other processes reach this engine.
func (e *Engine) Endpoint() Endpoint {
	return Endpoint{Addr: e.Addr(), HTTPAddr: e.HTTPAddr(), Database: e.opts.Database, PID: os.Getpid(), Creds: e.creds}
}

// DSN is the clickhouse:// DSN of account a on our database.
func (e *Engine) DSN(a Account) string { return e.Endpoint().DSN(a) }

// WriterDSN is the DSN of the writer.
func (e *Engine) WriterDSN() string { return e.DSN(Writer) }

// ReaderDSN is the DSN of the analysts' read-only account.
func (e *Engine) ReaderDSN() string { return e.DSN(Analyst) }

// Restarts counts how often the supervisor restarted a dead engine.
func (e *Engine) Restarts() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.restarts
}

// ChildPID is the current engine child's process id.
func (e *Engine) ChildPID() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.child.pid()
}

// FreePort picks a port on 127.0.0.1 that is free now, for an engine's
// listeners (Options.TCPPort, Options.HTTPPort).
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
