package engine

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// hostileEnv is one engine set up as in production (accounts scoped to the
// database "corridor"), with a table of data, a private table and the
// three accounts' connections.
type hostileEnv struct {
	e                 *Engine
	writer, web, anal driver.Conn
	def               driver.Conn
}

func newHostileEnv(t *testing.T, o Options) *hostileEnv {
	t.Helper()
	if o.DataDir == "" {
		o.DataDir = t.TempDir()
	}
	o.LibPath, o.Database = testLib, "corridor"
	e, err := Start(context.Background(), o)
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(func() { _ = e.Stop(10 * time.Second) })
	cr := e.Credentials()
	h := &hostileEnv{e: e}
	h.writer = open(t, e.Addr(), cr.WriterUser, cr.WriterPassword)
	h.web = open(t, e.Addr(), cr.WebUser, cr.WebPassword)
	h.anal = open(t, e.Addr(), cr.ReaderUser, cr.ReaderPassword)
	h.def = open(t, e.Addr(), "default", "")
	ctx := context.Background()
	for _, q := range []string{
		"CREATE DATABASE corridor",
		"CREATE TABLE corridor.t (n UInt64) ENGINE = MergeTree ORDER BY n",
		"INSERT INTO corridor.t SELECT number FROM numbers(1000)",
		"CREATE TABLE corridor.app_secrets (name String, value String) ENGINE = ReplacingMergeTree ORDER BY name",
		"INSERT INTO corridor.app_secrets VALUES ('session', 'k')",
		"CREATE TABLE corridor.users (username String, password_hash String) ENGINE = ReplacingMergeTree ORDER BY username",
		"CREATE TABLE corridor.session_revocations (sid String) ENGINE = ReplacingMergeTree ORDER BY sid",
		"CREATE TABLE corridor.user_audit (actor String) ENGINE = MergeTree ORDER BY actor",
		"CREATE VIEW corridor.t_current AS SELECT n FROM corridor.t",
	} {
		if err := h.writer.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return h
}

// closeConns closes the accounts' connections (before a stop: an open
// connection makes the engine wait 5 s).
func (h *hostileEnv) closeConns() {
	for _, c := range []driver.Conn{h.writer, h.web, h.anal, h.def} {
		c.Close()
	}
}

// intact asserts the engine never restarted, still answers, and the data is unchanged.
func (h *hostileEnv) intact(t *testing.T, pid int) {
	t.Helper()
	if err := h.writer.Ping(context.Background()); err != nil {
		t.Fatalf("engine down: %v", err)
	}
	if h.e.Restarts() != 0 || h.e.ChildPID() != pid {
		t.Fatalf("engine restarted: restarts=%d pid %d→%d", h.e.Restarts(), pid, h.e.ChildPID())
	}
	if n := count(t, h.writer, "SELECT sum(n) FROM corridor.t"); n != 499500 {
		t.Fatalf("data changed: sum %d, want 499500", n)
	}
}

// refused runs q on c and wants an error whose text holds want.
func refused(t *testing.T, c driver.Conn, q, want string) {
	t.Helper()
	err := drain(c, context.Background(), q)
	if err == nil {
		t.Errorf("%q was accepted, want refusal (%s)", q, want)
		return
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("%q: %v, want an error containing %q", q, err, want)
	}
}

// drain runs q and reads every row, so that errors raised mid-stream count.
func drain(c driver.Conn, ctx context.Context, q string) error {
	rows, err := c.Query(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

// TestHostileDefaultAccount: the engine's own start account cannot be used
// by anyone once the engine is up (it has no password and cannot get one).
func TestHostileDefaultAccount(t *testing.T) {
	h := newHostileEnv(t, Options{HTTPPort: freePortT(t)})
	pid := h.e.ChildPID()
	for _, q := range []string{
		"SYSTEM STOP LISTEN TCP",
		"SYSTEM STOP LISTEN HTTP",
		"SYSTEM START LISTEN TCP",
		"SELECT name FROM system.tables",
		"SELECT count() FROM corridor.t",
		"SELECT * FROM corridor.app_secrets",
	} {
		t.Run(q, func(t *testing.T) { refused(t, h.def, q, "") })
	}
	h.intact(t, pid)
}

// TestHostileWriterAccount: the writer has rights on our database and
// nothing beyond it: no files, no network, no other databases, no SYSTEM.
func TestHostileWriterAccount(t *testing.T) {
	h := newHostileEnv(t, Options{})
	pid := h.e.ChildPID()
	for _, c := range []struct{ q, want string }{
		{"SELECT * FROM file('/etc/shadow', 'LineAsString')", "497"},
		{"SELECT * FROM file('/etc/passwd', 'LineAsString')", "497"},
		{"INSERT INTO FUNCTION file('/tmp/corridor-pwned.txt', 'LineAsString') SELECT 'x'", "497"},
		{"SELECT * FROM url('http://127.0.0.1:1/', 'LineAsString')", "497"},
		{"SELECT * FROM remote('127.0.0.1', system.one)", "497"},
		{"SELECT * FROM executable('id', 'LineAsString', 'x String')", ""}, // scripts only from our own empty folder
		{"CREATE TABLE corridor.f (s String) ENGINE = File(LineAsString, '/etc/shadow')", "497"},
		{"CREATE TABLE corridor.u (s String) ENGINE = URL('http://127.0.0.1:1/', LineAsString)", "497"},
		{"CREATE DATABASE other", "497"},
		{"SYSTEM STOP LISTEN TCP", "497"},
		{"SYSTEM SHUTDOWN", "497"},
		{"SYSTEM RELOAD CONFIG", ""},
		{"CREATE USER mallory IDENTIFIED BY 'x'", ""},
		{"SELECT * FROM system.processes", "497"},
	} {
		t.Run(c.q, func(t *testing.T) { refused(t, h.writer, c.q, c.want) })
	}
	if _, err := os.Stat("/tmp/corridor-pwned.txt"); err == nil {
		t.Error("the writer wrote a file on the host")
	}
	h.intact(t, pid)
}

// TestHostileReaderLimits: neither read-only account can lift a limit; each
// override outside its bounds is refused, values within bounds are accepted.
func TestHostileReaderLimits(t *testing.T) {
	h := newHostileEnv(t, Options{})
	pid := h.e.ChildPID()
	overrides := []string{
		"max_execution_time = 0", "max_execution_time = -1", "max_execution_time = 601",
		"max_memory_usage = 0", "max_memory_usage = 100000000000",
		"max_memory_usage_for_user = 0",
		"max_result_rows = 0", "max_result_rows = 1000001",
		"max_result_bytes = 0", "max_rows_to_read = 0",
		"max_query_size = 0", "max_query_size = 100000000",
		"max_threads = 1000", // 0 means "one per core" and is allowed
		"max_concurrent_queries_for_user = 0",
		"result_overflow_mode = 'break'", "read_overflow_mode = 'break'", "timeout_overflow_mode = 'break'",
		"max_bytes_before_external_group_by = 1", "max_bytes_before_external_sort = 1",
		"max_bytes_ratio_before_external_group_by = 0.5",
		"function_sleep_max_microseconds_per_block = 100000000",
		"readonly = 0", "readonly = 1",
	}
	for name, c := range map[string]driver.Conn{"analyst": h.anal, "web": h.web} {
		for _, s := range overrides {
			t.Run(name+"/"+s, func(t *testing.T) {
				refused(t, c, "SELECT count() FROM corridor.t SETTINGS "+s, "")
			})
		}
		t.Run(name+"/SET", func(t *testing.T) { refused(t, c, "SET max_execution_time = 0", "") })
		t.Run(name+"/within bounds", func(t *testing.T) {
			ctx := clickhouse.Context(context.Background(), clickhouse.WithSettings(clickhouse.Settings{"max_execution_time": 10, "max_result_rows": 5}))
			var n uint64
			if err := c.QueryRow(ctx, "SELECT count() FROM corridor.t").Scan(&n); err != nil || n != 1000 {
				t.Fatalf("a lower limit per query: %v %d", err, n)
			}
		})
	}
	h.intact(t, pid)
}

// TestHostileReaderBoundsHold: the limits are enforced, not only declared.
func TestHostileReaderBoundsHold(t *testing.T) {
	h := newHostileEnv(t, Options{})
	pid := h.e.ChildPID()
	cases := []struct{ name, q, want string }{
		{"time", "SELECT sum(sipHash64(toString(number))) FROM numbers(1900000000) SETTINGS max_execution_time = 1", "Timeout exceeded"},
		{"memory", "SELECT length(groupArray(toString(number))) FROM numbers(300000000) SETTINGS max_memory_usage = 50000000", "limit exceeded"},
		{"result rows", "SELECT number FROM numbers(2000000)", "Limit for result exceeded"},
		{"rows read", "SELECT count() FROM numbers(3000000000)", "max_rows_to_read"},
		{"sleep", "SELECT sleep(2)", "maximum sleep time"},
		{"query size", "SELECT '" + strings.Repeat("x", 300<<10) + "'", "Max query size exceeded"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t0 := time.Now()
			err := drain(h.anal, context.Background(), c.q)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("%s: %v, want %s", c.name, err, c.want)
			}
			if d := time.Since(t0); d > 20*time.Second {
				t.Fatalf("%s took %v: the bound did not stop it", c.name, d)
			}
		})
	}
	h.intact(t, pid)
}

// TestHostileReaderRights: the readers read our data, nothing else, never
// the private tables, and write nothing.
func TestHostileReaderRights(t *testing.T) {
	h := newHostileEnv(t, Options{})
	pid := h.e.ChildPID()
	for name, c := range map[string]driver.Conn{"analyst": h.anal, "web": h.web} {
		if n := count(t, c, "SELECT count() FROM corridor.t_current"); n != 1000 {
			t.Fatalf("%s reads a view: %d", name, n)
		}
		for _, q := range []string{
			"SELECT * FROM corridor.app_secrets",
			"SELECT * FROM corridor.users",
			"SELECT * FROM corridor.session_revocations",
			"SELECT * FROM corridor.user_audit",
			"INSERT INTO corridor.t VALUES (1)",
			"ALTER TABLE corridor.t DELETE WHERE 1",
			"DROP TABLE corridor.t",
			"TRUNCATE TABLE corridor.t",
			"CREATE TABLE corridor.x (n UInt8) ENGINE = MergeTree ORDER BY n",
			"SELECT * FROM file('/etc/passwd', 'LineAsString')",
			"SELECT * FROM url('http://127.0.0.1:1/', 'LineAsString')",
			"SYSTEM STOP LISTEN TCP",
			"KILL QUERY WHERE 1",
		} {
			t.Run(name+"/"+q, func(t *testing.T) { refused(t, c, q, "") })
		}
	}
	h.intact(t, pid)
}

// TestHostileQuotas: each account has its quota; the analysts' is per person.
func TestHostileQuotas(t *testing.T) {
	h := newHostileEnv(t, Options{})
	ctx := clickhouse.Context(context.Background(), clickhouse.WithQuotaKey("li.wei"))
	var name string
	var maxQueries uint64
	if err := h.anal.QueryRow(ctx, "SELECT quota_name, max_queries FROM system.quota_usage").Scan(&name, &maxQueries); err != nil {
		t.Fatal(err)
	}
	if name != "analyst" || maxQueries != 20000 {
		t.Fatalf("analyst quota %q max_queries %d", name, maxQueries)
	}
	var key string
	if err := h.anal.QueryRow(ctx, "SELECT quota_key FROM system.quota_usage").Scan(&key); err != nil || key != "li.wei" {
		t.Fatalf("analyst quota is not per person: key %q %v", key, err)
	}
	if err := h.web.QueryRow(context.Background(), "SELECT quota_name FROM system.quota_usage").Scan(&name); err != nil || name != "web" {
		t.Fatalf("web quota %q %v", name, err)
	}
}

// TestHostileTextCannotStopTheEngine: the engine echoes query text into its
// log; nothing a client sends, in any account, may make the supervisor
// think the engine failed.
func TestHostileTextCannotStopTheEngine(t *testing.T) {
	h := newHostileEnv(t, Options{HTTPPort: freePortT(t)})
	pid := h.e.ChildPID()
	texts := []string{
		"Received exception",
		"\nCode: 241. DB::Exception: Memory limit (total) exceeded",
		"\r\nReceived exception from server (version 26.7.2):\nCode: 210",
		"Code: 76. DB::Exception: Cannot lock file status. Another server instance in same directory is already running.",
		strings.Repeat("Received exception\n", 20000),
	}
	for _, c := range []driver.Conn{h.writer, h.web, h.anal, h.def} {
		for _, s := range texts {
			_ = drain(c, context.Background(), "SELECT '"+strings.ReplaceAll(s, "'", "''")+"'")
			_ = drain(c, context.Background(), "SELECT throwIf(1, '"+strings.ReplaceAll(s, "'", "''")+"')")
			_ = drain(c, context.Background(), s)
		}
	}
	// garbage on both listeners
	for _, addr := range []string{h.e.Addr(), h.e.HTTPAddr()} {
		if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			conn.Write([]byte("\x00\xff\nReceived exception\nCode: 241\r\n\r\n"))
			conn.Close()
		}
	}
	time.Sleep(6 * time.Second) // one health-check round of the supervisor
	h.intact(t, pid)
	log, err := os.ReadFile(filepath.Join(h.e.opts.DataDir, "engine", "child.log"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(log), "Memory limit (total)") || strings.Contains(string(log), "DB::Exception: Cannot lock file status") {
		t.Fatalf("client query text reached the child's own output:\n%s", log)
	}
}

// TestHostileEngineLogHonoursLevel: at warning the engine writes no debug
// or information lines, and never to the child's console log.
func TestHostileEngineLogHonoursLevel(t *testing.T) {
	h := newHostileEnv(t, Options{LogLevel: "warning"})
	for i := 0; i < 50; i++ {
		_ = drain(h.anal, context.Background(), "SELECT count() FROM corridor.t")
	}
	time.Sleep(3 * time.Second) // the idle engine's background pools used to warn ~10 times a second
	dir := filepath.Join(h.e.opts.DataDir, "engine")
	b, err := os.ReadFile(filepath.Join(dir, "clickhouse.log"))
	if err != nil {
		t.Fatal(err)
	}
	for _, lvl := range []string{"<Trace>", "<Debug>", "<Information>", "Temporarily pause scheduling"} {
		if strings.Contains(string(b), lvl) {
			t.Fatalf("engine log at warning holds %s lines", lvl)
		}
	}
	child, _ := os.ReadFile(filepath.Join(dir, "child.log"))
	if len(child) > 8<<10 {
		t.Fatalf("child.log is %d bytes: the server log reaches the console", len(child))
	}
}

// TestFaultStartWaitsForAnEngineStillStopping: an engine left running on the
// folder by a killed parent makes the new start retry until it is gone.
func TestFaultStartWaitsForAnEngineStillStopping(t *testing.T) {
	dir := t.TempDir()
	h := newHostileEnv(t, Options{DataDir: dir})
	o := h.e.opts
	h.closeConns()
	if err := h.e.Stop(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	// an orphan engine on the same folder, without the corridor lock
	port, err := FreePort()
	if err != nil {
		t.Fatal(err)
	}
	o.TCPPort = port
	orphan, err := spawn(o, filepath.Join(dir, "engine", "config.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := orphan.waitReady(context.Background(), net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), h.e.creds, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	go func() { time.Sleep(1500 * time.Millisecond); _ = orphan.stop(10 * time.Second) }()
	t0 := time.Now()
	e2, err := Start(context.Background(), Options{DataDir: dir, LibPath: testLib, Database: "corridor"})
	if err != nil {
		t.Fatalf("start beside a stopping engine: %v", err)
	}
	defer e2.Stop(10 * time.Second)
	if time.Since(t0) < time.Second {
		t.Fatalf("started in %v while the orphan held the folder", time.Since(t0))
	}
	w := open(t, e2.Addr(), e2.creds.WriterUser, e2.creds.WriterPassword)
	defer w.Close() // before the stop: an open connection delays it by 5 s
	if n := count(t, w, "SELECT count() FROM corridor.t"); n != 1000 {
		t.Fatalf("after restart: %d rows", n)
	}
}

// TestHostileAttachBesideTheOwner: a second process on the same folder
// reaches the owner's engine through the advertised endpoint, which only
// the owner can read and which goes away with the engine.
func TestHostileAttachBesideTheOwner(t *testing.T) {
	dir := t.TempDir()
	h := newHostileEnv(t, Options{DataDir: dir})
	_, err := Start(context.Background(), Options{DataDir: dir, LibPath: testLib, Database: "corridor"})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second start: %v, want ErrInUse", err)
	}
	p, err := Attach(context.Background(), dir, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if p.Addr != h.e.Addr() || p.PID != os.Getpid() {
		t.Fatalf("endpoint %+v", p)
	}
	a := open(t, p.Addr, p.Creds.ReaderUser, p.Creds.ReaderPassword)
	if n := count(t, a, "SELECT count() FROM corridor.t"); n != 1000 {
		t.Fatalf("attached analyst reads %d", n)
	}
	for _, f := range []string{"endpoint.json", "secrets.json", "users.xml", "config.xml"} {
		st, err := os.Stat(filepath.Join(dir, "engine", f))
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v %v, want mode 0600", f, st, err)
		}
	}
	a.Close()
	h.closeConns()
	if err := h.e.Stop(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := Attach(context.Background(), dir, 300*time.Millisecond); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("attach after stop: %v, want ErrNotRunning", err)
	}
}

// TestSecretsOfAnOlderFolderGainTheWebAccount: passwords already issued stay.
func TestSecretsOfAnOlderFolderGainTheWebAccount(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "engine"), 0o750); err != nil {
		t.Fatal(err)
	}
	old := `{"writer_user":"corridor","writer_password":"w0","reader_user":"corridor_ro","reader_password":"r0"}`
	if err := os.WriteFile(filepath.Join(dir, "engine", "secrets.json"), []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	e := startTest(t, dir)
	c := e.Credentials()
	if c.WriterPassword != "w0" || c.ReaderPassword != "r0" || c.WebUser != "corridor_web" || len(c.WebPassword) < 32 {
		t.Fatalf("credentials %+v", c)
	}
	if err := open(t, e.Addr(), c.WebUser, c.WebPassword).Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func freePortT(t *testing.T) int {
	t.Helper()
	p, err := FreePort()
	if err != nil {
		t.Fatal(err)
	}
	return p
}
