package main

import (
	"context"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
)

// openConsole opens the SQL console's pool: the engine's analyst account,
// or --clickhouse-reader. An account that could write is not used: the
// console is then off (its API answers 503) and a warning says why.
func openConsole(ctx context.Context, s *store) driver.Conn {
	conn, err := chsql.Open(ctx, s.reader, false)
	if err != nil {
		s.log.Warn("serve: SQL console off: cannot open the analysts' account", "err", err)
		return nil
	}
	if err := chsql.CheckReadOnly(ctx, conn); err != nil {
		conn.Close()
		s.log.Warn("serve: SQL console off: give --clickhouse-reader a read-only account", "err", err)
		return nil
	}
	return conn
}
