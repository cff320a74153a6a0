package main

import (
	"context"
	"fmt"
	"maps"
	"sort"
	"strings"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
)

// tableSum is what a table or view holds: its rows and an order-free sum
// of its rows' hashes, read with FINAL where merges collapse rows.
type tableSum struct {
	Rows uint64 `json:"rows"`
	Sum  uint64 `json:"sum,omitempty"`
}

// contentSums reads every table's row count and every view's content sum
// in db. The table names come from system.tables, so they are quoted, not
// trusted.
func contentSums(ctx context.Context, conn driver.Conn, db string) (map[string]tableSum, error) {
	q, err := chsql.Query("data.TableCounts")
	if err != nil {
		return nil, err
	}
	rows, err := conn.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("backup: list tables: %w", chsql.Wrap(err))
	}
	type table struct{ name, engine string }
	var tables []table
	for rows.Next() {
		var t table
		var total *uint64
		if err := rows.Scan(&t.name, &total, &t.engine); err != nil {
			rows.Close()
			return nil, fmt.Errorf("backup: list tables: %w", err)
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("backup: list tables: %w", chsql.Wrap(err))
	}
	out := map[string]tableSum{}
	for _, t := range tables {
		// FINAL: a replacing table's raw rows shrink whenever the engine
		// merges (after a restore, too); what it holds once merged does not.
		q := "SELECT count(), sum(cityHash64(toString(tuple(*)))) FROM " + quoteIdent(db) + "." + quoteIdent(t.name) // text: a NULL column must not make the hash NULL
		if mergesRows(t.engine) {
			q += " FINAL"
		}
		var s tableSum
		if err := conn.QueryRow(ctx, q).Scan(&s.Rows, &s.Sum); err != nil {
			return nil, fmt.Errorf("backup: sum %s: %w", t.name, chsql.Wrap(err))
		}
		out[t.name] = s
	}
	return out, nil
}

// mergesRows: engines whose merges collapse rows, read with FINAL.
func mergesRows(engine string) bool {
	for _, e := range []string{"Replacing", "Collapsing", "Summing", "Aggregating"} {
		if strings.Contains(engine, e) {
			return true
		}
	}
	return false
}

// sumsDiffer lists the tables whose content differs between a and b.
func sumsDiffer(a, b map[string]tableSum) []string {
	var out []string
	for name, s := range a {
		if t, ok := b[name]; !ok || t != s {
			out = append(out, fmt.Sprintf("%s (%d rows, sum %d → %d rows, sum %d)", name, s.Rows, s.Sum, t.Rows, t.Sum))
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			out = append(out, name+" (not in the backup)")
		}
	}
	sort.Strings(out)
	return out
}

func sameSums(a, b map[string]tableSum) bool { return maps.Equal(a, b) }

// quoteIdent backquotes an identifier for ClickHouse.
func quoteIdent(s string) string {
	return "`" + strings.NewReplacer("\\", "\\\\", "`", "\\`").Replace(s) + "`"
}

// quoteString single-quotes a string literal for ClickHouse.
func quoteString(s string) string {
	return "'" + strings.NewReplacer("\\", "\\\\", "'", "\\'").Replace(s) + "'"
}
