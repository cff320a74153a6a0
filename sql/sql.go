// Package chsql is Corridor's ClickHouse layer: connections, embedded
// migrations, named queries and the mapping of ClickHouse errors to typed
// errors. The embedded engine itself lives in sql/engine.
package chsql

import (
	"embed"
	"fmt"
	"strings"
)

//go:embed migrations/*.sql queries/*.sql
var files embed.FS

// Query returns the named query's SQL: queries/<area>.<Name>.sql, e.g.
// Query("data.TableCounts"). Unknown names are a programming error and
// return an error rather than panicking.
func Query(name string) (string, error) {
	b, err := files.ReadFile("queries/" + name + ".sql")
	if err != nil {
		return "", fmt.Errorf("chsql: no named query %q", name)
	}
	return strings.TrimSpace(string(b)), nil
}

// Split cuts a migration into statements at lines that read "-- split".
func Split(sqlText string) []string {
	var out []string
	for _, chunk := range strings.Split(sqlText, "\n-- split\n") {
		if stmt := strings.TrimSpace(stripComments(chunk)); stmt != "" {
			out = append(out, stmt)
		}
	}
	return out
}

// stripComments drops whole-line "--" comments so that a chunk that holds
// only comments is not sent to the server as an empty statement.
func stripComments(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "--") {
			continue
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}
