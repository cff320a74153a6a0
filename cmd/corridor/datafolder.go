package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ClickHouse/clickhouse-go/v2"
)

// checkDatabase refuses to go on when the embedded engine's data folder
// holds no database yet and this command may not create one: only serve
// and demo create a database. Without this, a command run from another
// folder made a new, empty ./data there and reported success.
func checkDatabase(c *storeConfig) error {
	if c.clickhouse != "" || c.create {
		return nil
	}
	abs, err := filepath.Abs(c.data)
	if err != nil {
		return fmt.Errorf("data folder %s: %w", c.data, err)
	}
	meta := filepath.Join(abs, "clickhouse", "metadata", c.database+".sql")
	_, err = os.Stat(meta)
	switch {
	case err == nil:
		return nil
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("data folder %s: %w", abs, err)
	}
	what := "holds no database " + c.database
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		what = "does not exist"
	}
	return usageError{fmt.Sprintf("data folder %s %s; nothing was created. Name the folder that holds the database with --data DIR "+
		"or CORRIDOR_DATA=DIR (the default ./data is relative to the current folder), or create a database there first "+
		"with 'corridor serve' (production, empty) or 'corridor demo' (sample data) (数据目录不存在或没有数据库：请用 --data 或 CORRIDOR_DATA 指定，或先运行 corridor serve / corridor demo)",
		abs, what)}
}

// announce writes the one line that says which database a command used,
// so that a command run in the wrong folder or against the wrong server
// shows it at once. The DSN's password is never shown.
func (s *store) announce(w io.Writer, c *storeConfig) {
	if w == nil {
		w = os.Stderr
	}
	switch {
	case s.engine != nil || s.attached != nil:
		abs, _ := filepath.Abs(c.data)
		how := "embedded"
		if s.attached != nil {
			how = fmt.Sprintf("embedded, engine run by corridor process %d", s.attached.PID)
		}
		fmt.Fprintf(w, "database: %s in %s (%s)\n", s.database, abs, how)
	default:
		host := "?"
		if o, err := clickhouse.ParseDSN(c.clickhouse); err == nil && len(o.Addr) > 0 {
			host = o.Addr[0]
		}
		fmt.Fprintf(w, "database: %s on %s (external ClickHouse)\n", s.database, host)
	}
}
