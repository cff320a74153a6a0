package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

// Limit is one setting of the read-only accounts' profile: the value a
// query gets and the bounds within which a client may change it per query.
// A limit without bounds is constant. ClickHouse reads 0 as "unlimited" for
// most limits, so every bounded limit has a minimum above 0.
type Limit struct {
	Name     string
	Value    string
	Min, Max string // both empty: the setting cannot be changed
	Why      string
}

// ReaderLimits are the profile of both read-only accounts (web and analyst).
// The SQL console may lower a limit for one query; nobody can lift it.
func ReaderLimits() []Limit {
	return []Limit{
		{"readonly", "2", "", "", "2: reads and per-query settings within these bounds; no writes, no DDL"},
		{"max_execution_time", "60", "1", "600", "seconds a query may run"},
		{"max_memory_usage", "2000000000", "1000000", "4000000000", "bytes one query may hold"},
		{"max_memory_usage_for_user", "8000000000", "", "", "bytes all queries of the account may hold"},
		{"max_result_rows", "1000000", "1", "1000000", "rows a result may have"},
		{"max_result_bytes", "1000000000", "1", "2000000000", "bytes a result may have"},
		{"max_rows_to_read", "2000000000", "1", "20000000000", "rows a query may read"},
		{"max_query_size", "262144", "1", "1048576", "bytes of query text the parser accepts"},
		{"max_threads", "2", "1", "8", "threads one query may use"},
		{"max_concurrent_queries_for_user", "32", "", "", "queries the account may run at once"},
		{"result_overflow_mode", "throw", "", "", "a result over the limit fails instead of being cut silently"},
		{"read_overflow_mode", "throw", "", "", "likewise for rows read"},
		{"timeout_overflow_mode", "throw", "", "", "likewise for time"},
		{"max_bytes_before_external_group_by", "0", "", "", "no spilling to disk: the memory limit applies"},
		{"max_bytes_before_external_sort", "0", "", "", "likewise for sorting"},
		{"max_bytes_ratio_before_external_group_by", "0", "", "", "likewise, by ratio"},
		{"max_bytes_ratio_before_external_sort", "0", "", "", "likewise, by ratio"},
		{"function_sleep_max_microseconds_per_block", "1000000", "", "", "sleep() may hold a query at most 1 s per block"},
	}
}

// Quota is a budget per hour for one account; 0 means not limited.
type Quota struct {
	Name          string
	Keyed         bool // one budget per client quota key (a person), not per account
	Queries       int64
	ResultRows    int64
	ReadRows      int64
	ExecutionTime int64 // seconds, summed over queries
}

// quotas: analysts share the machine with the dashboard, so each person
// (quota key) gets a budget an hour; the dashboard's own reads are bounded
// only against runaway loops.
func quotas() []Quota {
	return []Quota{
		{Name: "analyst", Keyed: true, Queries: 20000, ResultRows: 200_000_000, ReadRows: 100_000_000_000, ExecutionTime: 7200},
		{Name: "web", Queries: 3_600_000},
	}
}

// bootQuotaSeconds is the interval of the quota that locks `default`: the
// engine's own start queries use it up until the engine stops. Intervals
// are aligned to the epoch and the engine reads a 32-bit number, so the
// longest one ends on 2038-01-19.
const bootQuotaSeconds = 1<<31 - 1

// privateTables hold password hashes, the session-signing key, session
// revocations and API token hashes: the readers must never see them, or they
// could forge sessions. The console's audit and saved queries hold other
// people's SQL: an analyst sees only their own (and shared) ones, through
// the dashboard. Who changed which account (user_audit) is the admins'
// business.
var privateTables = []string{"users", "app_secrets", "session_revocations", "api_tokens", "console_audit", "saved_queries", "user_audit"}

// writerEngines are the table engines migrations and tests create. Engines
// that reach files, URLs or other servers are not granted.
var writerEngines = []string{"MergeTree", "ReplacingMergeTree", "SummingMergeTree", "AggregatingMergeTree", "CollapsingMergeTree", "View", "MaterializedView"}

// readerUser is one read-only account: same profile and rights, own quota.
type readerUser struct{ User, Hash, Quota string }

// usersFile describes users.xml.
type usersFile struct {
	Creds       Credentials
	WriterHash  string
	Readers     []readerUser
	Scope       string   // grant target database (pattern) of all accounts
	Private     []string // fully qualified tables revoked from the readers
	Limits      []Limit
	Quotas      []Quota
	Engines     []string
	BootQueries int
	BootSeconds int64
}

var usersTemplate = template.Must(template.New("users").Parse(`<clickhouse>
  <profiles>
    <default/>
    <reader>
{{- range .Limits}}
      <{{.Name}}>{{.Value}}</{{.Name}}>
{{- end}}
      <constraints>
{{- range .Limits}}
        <{{.Name}}>{{if .Min}}<min>{{.Min}}</min><max>{{.Max}}</max>{{else}}<const/>{{end}}</{{.Name}}>
{{- end}}
      </constraints>
    </reader>
  </profiles>
  <users>
    <default>
      <password></password>
      <profile>default</profile>
      <quota>boot</quota>
      <grants><query>GRANT SYSTEM LISTEN ON *.*</query></grants>
    </default>
    <{{.Creds.WriterUser}}>
      <password_sha256_hex>{{.WriterHash}}</password_sha256_hex>
      <profile>default</profile>
      <quota>default</quota>
      <grants>
        <query>GRANT ALL ON {{.Scope}}.*</query>
{{- range .Engines}}
        <query>GRANT TABLE ENGINE ON {{.}}</query>
{{- end}}
        <query>GRANT SELECT ON system.parts</query>
        <query>GRANT SELECT ON system.detached_parts</query>
        <query>GRANT SELECT ON system.merges</query>
      </grants>
    </{{.Creds.WriterUser}}>
{{- range .Readers}}
    <{{.User}}>
      <password_sha256_hex>{{.Hash}}</password_sha256_hex>
      <profile>reader</profile>
      <quota>{{.Quota}}</quota>
      <grants>
        <query>GRANT SELECT ON {{$.Scope}}.*</query>
{{- range $.Private}}
        <query>REVOKE SELECT ON {{.}}</query>
{{- end}}
      </grants>
    </{{.User}}>
{{- end}}
  </users>
  <quotas>
    <default/>
    <boot><interval><duration>{{.BootSeconds}}</duration><queries>{{.BootQueries}}</queries></interval></boot>
{{- range .Quotas}}
    <{{.Name}}>{{if .Keyed}}<keyed/>{{end}}<interval><duration>3600</duration><queries>{{.Queries}}</queries><result_rows>{{.ResultRows}}</result_rows><read_rows>{{.ReadRows}}</read_rows><execution_time>{{.ExecutionTime}}</execution_time></interval></{{.Name}}>
{{- end}}
  </quotas>
</clickhouse>
`))

// writeUsers writes users.xml. The engine's own session logs in as
// `default` with no password (clickhouse-local has no way to give it one),
// so `default` may only start listeners, and its quota allows exactly the
// start queries: afterwards nobody can use it. The writer has rights on our
// database only; the two readers may SELECT there, never the private tables.
// scope is a quoted database name or a pattern such as corridor_t* (tests);
// with a pattern the private tables cannot be revoked (ClickHouse does not
// apply a REVOKE under a wildcard grant), which only test harnesses use.
// With cluster set the writer may also create Distributed tables, and the
// shard-local tables behind the private ones are private too.
func writeUsers(dir, scope, database string, c Credentials, bootQueries int, cluster bool) (string, error) {
	f := usersFile{
		Creds: c, WriterHash: sha256Hex(c.WriterPassword),
		Readers: []readerUser{
			{User: c.ReaderUser, Hash: sha256Hex(c.ReaderPassword), Quota: "analyst"},
			{User: c.WebUser, Hash: sha256Hex(c.WebPassword), Quota: "web"},
		},
		Scope: scope, Limits: ReaderLimits(), Quotas: quotas(), Engines: writerEngines,
		BootQueries: bootQueries, BootSeconds: bootQuotaSeconds,
	}
	private := privateTables
	if cluster {
		f.Engines = append(append([]string(nil), writerEngines...), "Distributed")
		private = clusterPrivate(privateTables)
	}
	if !strings.Contains(scope, "*") {
		for _, t := range private {
			f.Private = append(f.Private, QuoteIdentGrant(database)+"."+t)
		}
	}
	var b strings.Builder
	if err := usersTemplate.Execute(&b, f); err != nil {
		return "", fmt.Errorf("engine: users file: %w", err)
	}
	p := filepath.Join(dir, "users.xml")
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		return "", fmt.Errorf("engine: write users: %w", err)
	}
	return p, nil
}

// QuoteIdentGrant backquotes a database name for a GRANT statement.
func QuoteIdentGrant(db string) string {
	return "`" + strings.ReplaceAll(db, "`", "") + "`"
}
