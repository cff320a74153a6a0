package chsql

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/ClickHouse/clickhouse-go/v2"
)

// Cluster mode (CORRIDOR_CLUSTER). Every table a migration creates becomes
// two: NAME_local, the MergeTree table that holds one shard's rows
// (Replicated… and created ON CLUSTER when the cluster has Keeper), and NAME,
// a Distributed table over every shard's NAME_local. Queries, views and
// inserts all name NAME, so every read and write goes through the
// Distributed table and no query text differs from the single-node schema.
//
// Rows are spread by a key that keeps all versions of one record on one
// shard: ReplacingMergeTree's FINAL and the *_current views' LIMIT 1 BY
// collapse versions shard by shard, which gives the single node's answer
// only when no record's versions are split between shards.

// shardKeys is each table's sharding expression: a hash of columns that
// are both in the table's sort key (FINAL collapses on it) and in its
// *_current view's LIMIT 1 BY (targets keep one row per metric, place and
// year whatever its row_key), so that every version of a record lands on
// the same shard. A statistic's row_key can be the same for many figures,
// so observations hash their whole natural key. A table missing here
// cannot be created in cluster mode: a new table must choose its key.
var shardKeys = map[string]string{
	"sources":             "cityHash64(source_id)",
	"places":              "cityHash64(code)",
	"organizations":       "cityHash64(name)",
	"platforms":           "cityHash64(row_key)",
	"projects":            "cityHash64(row_key)",
	"agreements":          "cityHash64(row_key)",
	"funding":             "cityHash64(row_key)",
	"carriers":            "cityHash64(row_key)",
	"talent":              "cityHash64(row_key)",
	"observations":        "cityHash64(metric, place_code, period_start, row_key)",
	"targets":             "cityHash64(metric, place_code, year)",
	"users":               "cityHash64(username)",
	"app_secrets":         "cityHash64(name)",
	"session_revocations": "cityHash64(username, sid)",
	"load_rejects":        "cityHash64(source_id)",
	"console_audit":       "cityHash64(query_id)",
	"api_tokens":          "cityHash64(id)",
	"saved_queries":       "cityHash64(id)",
	"user_audit":          "cityHash64(target)",
}

// LocalSuffix ends the name of a shard-local table in cluster mode.
const LocalSuffix = "_local"

var (
	createTableRe = regexp.MustCompile(`(?s)^CREATE TABLE IF NOT EXISTS \{db\}\.(\w+)\{on_cluster\}(.*)$`)
	alterTableRe  = regexp.MustCompile(`(?s)^ALTER TABLE \{db\}\.(\w+)\{on_cluster\}(.*)$`)
)

// clusterStatements rewrites one migration statement (placeholders not yet
// filled) for cluster mode: a CREATE TABLE becomes the local table plus the
// Distributed table over it, an ALTER TABLE is applied to both; views and
// everything else are unchanged (they name the Distributed tables).
func clusterStatements(stmt, cluster, db string) ([]string, error) {
	if m := createTableRe.FindStringSubmatch(stmt); m != nil {
		name, rest := m[1], m[2]
		key, ok := shardKeys[name]
		if !ok {
			return nil, fmt.Errorf("chsql: table %s has no sharding key for cluster mode (add it to shardKeys)", name)
		}
		local := name + LocalSuffix
		dist := fmt.Sprintf("CREATE TABLE IF NOT EXISTS {db}.%s{on_cluster} AS {db}.%s\nENGINE = Distributed(%s, %s, %s, %s)",
			name, local, quoteString(cluster), quoteString(db), quoteString(local), key)
		return []string{"CREATE TABLE IF NOT EXISTS {db}." + local + "{on_cluster}" + rest, dist}, nil
	}
	if m := alterTableRe.FindStringSubmatch(stmt); m != nil {
		name, rest := m[1], m[2]
		return []string{
			"ALTER TABLE {db}." + name + LocalSuffix + "{on_cluster}" + rest,
			"ALTER TABLE {db}." + name + "{on_cluster}" + rest,
		}, nil
	}
	if strings.HasPrefix(stmt, "CREATE TABLE") || strings.HasPrefix(stmt, "ALTER TABLE") {
		return nil, fmt.Errorf("chsql: statement %.60q… has no cluster form (write it as CREATE TABLE IF NOT EXISTS {db}.name{on_cluster} or ALTER TABLE {db}.name{on_cluster})", stmt)
	}
	return []string{stmt}, nil
}

// quoteString is a ClickHouse single-quoted string literal.
func quoteString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// clusterSettings are the session settings every cluster-mode connection
// needs: an insert returns only when every shard has its rows (the default,
// queued in the background, would let a load report rows a reader cannot
// yet see and lose them if the node stops), and a subquery over a
// Distributed table inside a query over another (the *_current views'
// source_id IN (SELECT … FROM sources)) is computed once and sent to the
// shards rather than refused.
func clusterSettings(o *clickhouse.Options) {
	if o.Settings == nil {
		o.Settings = clickhouse.Settings{}
	}
	for k, v := range ClusterSettings() {
		if _, set := o.Settings[k]; !set {
			o.Settings[k] = v
		}
	}
}

// ClusterSettings are the settings of clusterSettings, for a server's
// profiles (docs/deploy.md) and the embedded test cluster.
func ClusterSettings() map[string]any {
	return map[string]any{
		"distributed_foreground_insert": 1,
		"distributed_product_mode":      "global",
	}
}
