package dashboard_test

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// hostileCase is one statement an analyst might send to hurt the system,
// and what must come back: a refusal (status and kinds) or a bound.
type hostileCase struct {
	name   string
	sql    string
	params map[string]any
	limits map[string]any
	status int
	kinds  []string                 // any of these problem kinds; none: not checked
	check  func(queryAnswer) string // extra assertion on the answer; "" is fine
}

// anyRefusal accepts any 4xx status.
const anyRefusal = -1

// Kinds of refusal, as adhoc.Explain names them.
var (
	write     = []string{"readonly"}
	denied    = []string{"access_denied", "unknown_object"} // a private table is invisible, or refused
	outOfRule = []string{"limit", "readonly"}               // readonly: the engine's own answer for the readonly setting
	bounded   = []string{"timeout", "too_large", "memory"}
	syntax    = []string{"syntax"}
)

func hostileCases(httpAddr string) []hostileCase {
	w := func(name, q string) hostileCase { return hostileCase{name: name, sql: q, status: 403, kinds: write} }
	d := func(name, q string) hostileCase {
		return hostileCase{name: name, sql: q, status: anyRefusal, kinds: denied}
	}
	l := func(name, q string) hostileCase {
		return hostileCase{name: name, sql: q, status: anyRefusal, kinds: outOfRule}
	}
	value := func(want any) func(queryAnswer) string {
		return func(a queryAnswer) string {
			if len(a.Rows) != 1 || !reflect.DeepEqual(a.Rows[0][0], want) {
				return fmt.Sprintf("rows %v, want [[%v]]", a.Rows, want)
			}
			return ""
		}
	}
	return []hostileCase{
		// Writes and DDL: the account may only read.
		w("insert values", "INSERT INTO platforms (name) VALUES ('x')"),
		w("insert select", "INSERT INTO platforms SELECT * FROM platforms"),
		w("insert into function", "INSERT INTO FUNCTION file('out.csv', 'CSV', 'a UInt8') SELECT 1"),
		w("alter delete", "ALTER TABLE platforms DELETE WHERE 1"),
		w("alter update", "ALTER TABLE platforms UPDATE name = 'x' WHERE 1"),
		w("alter add column", "ALTER TABLE platforms ADD COLUMN evil UInt8"),
		w("lightweight delete", "DELETE FROM platforms WHERE 1"),
		w("drop table", "DROP TABLE platforms"),
		w("drop database", "DROP DATABASE corridor"),
		w("truncate", "TRUNCATE TABLE platforms"),
		w("create table", "CREATE TABLE evil (a UInt8) ENGINE = Memory"),
		w("create view", "CREATE VIEW evil AS SELECT * FROM users"),
		w("create database", "CREATE DATABASE evil"),
		w("rename", "RENAME TABLE platforms TO platforms_old"),
		w("exchange", "EXCHANGE TABLES platforms AND sources"),
		w("optimize", "OPTIMIZE TABLE platforms FINAL"),
		w("detach", "DETACH TABLE platforms"),
		w("system shutdown", "SYSTEM SHUTDOWN"),
		w("system stop merges", "SYSTEM STOP MERGES corridor.platforms"),
		w("grant", "GRANT ALL ON *.* TO corridor_ro"),
		w("create user", "CREATE USER evil IDENTIFIED BY 'evil-password-1'"),
		w("backup", "BACKUP DATABASE corridor TO File('evil.zip')"),
		// Settings: the profile's limits cannot be lifted, per session or per query.
		l("set readonly", "SET readonly = 0"),
		l("settings readonly", "SELECT 1 SETTINGS readonly = 0"),
		l("settings max_execution_time", "SELECT 1 SETTINGS max_execution_time = 100000"),
		l("settings unlimited time", "SELECT 1 SETTINGS max_execution_time = 0"),
		l("settings unlimited memory", "SELECT 1 SETTINGS max_memory_usage = 0"),
		l("settings unlimited result", "SELECT 1 SETTINGS max_result_rows = 0"),
		l("settings unlimited reads", "SELECT 1 SETTINGS max_rows_to_read = 0"),
		l("settings overflow break", "SELECT 1 SETTINGS read_overflow_mode = 'break'"),
		l("settings threads", "SELECT 1 SETTINGS max_threads = 64"),
		l("settings external group by", "SELECT 1 SETTINGS max_bytes_before_external_group_by = 1"),
		l("set time", "SET max_execution_time = 0"),
		// Files, URLs, other servers.
		d("file", "SELECT * FROM file('/etc/passwd', 'LineAsString')"),
		d("url", "SELECT * FROM url('http://"+httpAddr+"/?query=SELECT+1', 'LineAsString')"),
		d("url 8080", "SELECT * FROM url('http://127.0.0.1:8080/', 'LineAsString')"),
		d("remote", "SELECT * FROM remote('127.0.0.1:9000', system.one)"),
		d("remote secure", "SELECT * FROM remoteSecure('127.0.0.1:9440', system.one)"),
		{name: "cluster", sql: "SELECT * FROM cluster('default', system.one)", status: anyRefusal},
		d("s3", "SELECT * FROM s3('http://127.0.0.1:1/bucket/key.csv', 'CSV', 'a String')"),
		d("mysql", "SELECT * FROM mysql('127.0.0.1:3306', 'db', 't', 'u', 'p')"),
		d("postgresql", "SELECT * FROM postgresql('127.0.0.1:5432', 'db', 't', 'u', 'p')"),
		d("executable", "SELECT * FROM executable('id', 'TSV', 'a String')"),
		// Other people's data: accounts, queries, secrets.
		d("system.users", "SELECT * FROM system.users"),
		d("system.query_log", "SELECT query FROM system.query_log"),
		d("users", "SELECT * FROM users"),
		d("qualified users", "SELECT password_hash FROM corridor.users"),
		d("app_secrets", "SELECT * FROM app_secrets"),
		d("session_revocations", "SELECT * FROM session_revocations"),
		d("api_tokens", "SELECT token_hash FROM api_tokens"),
		d("console_audit", "SELECT sql FROM console_audit"),
		d("saved_queries", "SELECT sql FROM saved_queries"),
		d("users in a subquery", "SELECT name FROM platforms_current WHERE name IN (SELECT password_hash FROM users)"),
		d("users through view()", "SELECT * FROM view(SELECT * FROM users)"),
		{name: "users through merge()", sql: "SELECT * FROM merge('corridor', '^(users|app_secrets)$')", status: anyRefusal},
		{name: "identifier parameter", sql: "SELECT * FROM {t:Identifier}", params: map[string]any{"t": "app_secrets"}, status: anyRefusal, kinds: denied},
		// Bounds: what a read may cost.
		{name: "cross join of numbers(1e12)", sql: "SELECT count() FROM numbers(1000000000000) AS a CROSS JOIN numbers(1000000000000) AS b", limits: map[string]any{"timeout_seconds": 5}, status: 422, kinds: bounded},
		{name: "sleep(3)", sql: "SELECT sleep(3)", status: 422, kinds: bounded},
		{name: "sleep past the time limit", sql: "SELECT sleepEachRow(1) FROM numbers(10) SETTINGS max_block_size = 1", limits: map[string]any{"timeout_seconds": 2}, status: 422, kinds: bounded},
		{name: "1 GB string", sql: "SELECT repeat('x', 1000000000)", status: 422, kinds: bounded},
		{name: "1 GB of strings", sql: "SELECT groupArray(repeat('x', 1000000)) FROM numbers(1000)", status: 422, kinds: bounded},
		{name: "lowered result limit holds", sql: "SELECT number FROM numbers(10) SETTINGS max_result_rows = 5", status: 422, kinds: bounded},
		{name: "large result is cut", sql: "SELECT number FROM numbers(2000000)", status: 200, check: func(a queryAnswer) string {
			if !a.Trunc || a.RowCnt != 10000 {
				return fmt.Sprintf("truncated %v rows %d, want the default cut at 10000", a.Trunc, a.RowCnt)
			}
			return ""
		}},
		{name: "endless read is cut and stopped", sql: "SELECT number FROM numbers(1500000000)", limits: map[string]any{"max_rows": 5}, status: 200, check: func(a queryAnswer) string {
			if !a.Trunc || a.RowCnt != 5 {
				return fmt.Sprintf("truncated %v rows %d", a.Trunc, a.RowCnt)
			}
			return ""
		}},
		// One statement per request, however it is hidden.
		{name: "two statements", sql: "SELECT 1; DROP TABLE platforms", status: 400, kinds: syntax},
		{name: "two selects", sql: "SELECT 1; SELECT 2", status: 400, kinds: syntax},
		{name: "block comment hides a second statement", sql: "SELECT 1 /* harmless */; DROP TABLE platforms", status: 400, kinds: syntax},
		{name: "line comment then a second statement", sql: "SELECT 1 -- harmless\n; TRUNCATE TABLE platforms", status: 400, kinds: syntax},
		{name: "statement in a comment only", sql: "/* DROP TABLE platforms */ SELECT 7", status: 200, check: value(float64(7))},
		// Parameters are data, never SQL.
		{name: "parameter with quotes", sql: "SELECT {p:String}", params: map[string]any{"p": "x'); DROP TABLE platforms; --"}, status: 200, check: value("x'); DROP TABLE platforms; --")},
		{name: "parameter with backslashes", sql: "SELECT {p:String}", params: map[string]any{"p": `\'; SELECT 1 \\`}, status: 200, check: value(`\'; SELECT 1 \\`)},
		{name: "parameter of the wrong type", sql: "SELECT {n:UInt32}", params: map[string]any{"n": "1 OR 1=1"}, status: 400},
		{name: "parameter missing", sql: "SELECT {n:UInt32}", status: 400},
		{name: "parameter as an object", sql: "SELECT {n:UInt32}", params: map[string]any{"n": map[string]any{"a": 1}}, status: 400},
		// Whose account it is, and its limits as applied.
		{name: "runs as the analysts' account", sql: "SELECT currentUser()", status: 200, check: value("corridor_ro")},
		{name: "readonly is on", sql: "SELECT toString(getSetting('readonly'))", status: 200, check: value("2")},
		{name: "the console's time limit applies", sql: "SELECT toString(getSetting('max_execution_time'))", status: 200, check: value("30")},
		{name: "the log comment names the user", sql: "SELECT toString(getSetting('log_comment'))", status: 200, check: func(a queryAnswer) string {
			if len(a.Rows) != 1 || !strings.Contains(fmt.Sprint(a.Rows[0][0]), `user="ana" query_id=`+a.QueryID) {
				return fmt.Sprintf("log comment %v", a.Rows)
			}
			return ""
		}},
		{name: "into outfile writes nothing on the server", sql: "SELECT 1 INTO OUTFILE '/tmp/corridor-console-evil.csv'", check: func(queryAnswer) string {
			if _, err := os.Stat("/tmp/corridor-console-evil.csv"); err == nil {
				return "the file was written"
			}
			return ""
		}},
		{name: "empty", sql: " -- nothing\n", status: 400},
		{name: "query over max_query_size", sql: "SELECT 1 " + strings.Repeat("+ 1 ", 75_000), status: 400},
	}
}

// TestConsoleHostileQueries sends every hostile case through POST
// /api/v1/query as an analyst on a production-like engine, then checks
// that the engine and server are up and no table changed.
func TestConsoleHostileQueries(t *testing.T) {
	pc := newProdConsole(t)
	before := pc.fingerprint(t)
	cases := hostileCases(pc.e.Endpoint().HTTPAddr)
	if len(cases) < 50 {
		t.Fatalf("only %d hostile cases", len(cases))
	}
	failed := 0
	for _, c := range cases {
		body := sqlBody(c.sql, c.params)
		if c.limits != nil {
			body["limits"] = c.limits
		}
		code, a, raw := runQuery(t, pc.testServer, body, "", "")
		bad := ""
		switch {
		case c.status == anyRefusal && (code < 400 || code > 499):
			bad = fmt.Sprintf("status %d, want a 4xx refusal", code)
		case c.status > 0 && code != c.status:
			bad = fmt.Sprintf("status %d, want %d", code, c.status)
		case c.status == 0 && code >= 500:
			bad = fmt.Sprintf("status %d", code)
		case len(c.kinds) > 0 && !contains(c.kinds, a.Problem.Kind):
			bad = fmt.Sprintf("kind %q, want one of %v", a.Problem.Kind, c.kinds)
		case code >= 400 && (a.Error == "" || strings.Contains(string(raw), "Stack trace")):
			bad = "refusal without a readable message"
		case c.check != nil:
			bad = c.check(a)
		}
		if bad != "" {
			failed++
			t.Errorf("%s: %s: %.400s", c.name, bad, raw)
		}
	}
	t.Logf("hostile suite: %d cases, %d failed", len(cases), failed)
	pc.intact(t)
	if after := pc.fingerprint(t); !reflect.DeepEqual(before, after) {
		t.Fatalf("data changed:\nbefore %v\nafter  %v", before, after)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
