package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/engine"
)

// store is an open ClickHouse: the writer pool, the reader's target, and
// the embedded engine when there is one.
type store struct {
	conn     driver.Conn
	writer   chsql.Target
	reader   chsql.Target
	database string
	engine   *engine.Engine
	log      *slog.Logger
}

// openStore starts the embedded engine (unless a DSN is given), connects as
// the writer and, with migrate set, applies pending migrations.
func openStore(ctx context.Context, c *storeConfig, migrate bool) (*store, error) {
	started := time.Now() // a load begun before this moment is not this process's
	log := c.logger()
	s := &store{log: log}
	if c.clickhouse != "" {
		s.writer = chsql.Target{DSN: c.clickhouse, Cluster: c.cluster}
		s.reader = s.writer // an external deployment gives the console its own DSN (see admin guide)
	} else {
		lib, err := engine.EnsureLib(c.chdbLib, c.cache, log)
		if err != nil {
			return nil, err
		}
		e, err := engine.Start(ctx, engine.Options{DataDir: c.data, LibPath: lib, Database: c.database, TCPPort: c.enginePort, HTTPPort: c.engineHTTP, Logger: log})
		if err != nil {
			return nil, err
		}
		s.engine = e
		s.writer = chsql.Target{DSN: e.WriterDSN()}
		s.reader = chsql.Target{DSN: e.ReaderDSN()}
	}
	db, err := s.writer.Database()
	if err != nil {
		s.close()
		return nil, err
	}
	s.database = db
	if s.conn, err = chsql.Open(ctx, s.writer, true); err != nil {
		s.close()
		return nil, err
	}
	if migrate {
		if _, err := (chsql.Migrator{Conn: s.conn, Database: db, Cluster: c.cluster, Log: log}).Up(ctx); err != nil {
			s.close()
			return nil, err
		}
		s.settleLoads(ctx, started)
	}
	return s, nil
}

// settleLoads deals with loads a stopped process left 'loading'.
func (s *store) settleLoads(ctx context.Context, started time.Time) {
	if s.engine == nil { // external ClickHouse (or, later, another process's engine): a load may be in flight there
		s.warnStuckLoads(ctx)
		return
	}
	s.recoverLoads(ctx, started) // OWNER ONLY: this process started the engine, so no earlier load can still be running
}

// close closes the pool first (an idle connection delays the engine's
// shutdown), then stops the engine.
func (s *store) close() {
	if s.conn != nil {
		s.conn.Close()
	}
	if s.engine != nil {
		if err := s.engine.Stop(stopGrace); err != nil {
			s.log.Warn("engine stop", "err", err)
		}
	}
}

func (s *store) migrator() chsql.Migrator {
	return chsql.Migrator{Conn: s.conn, Database: s.database, Log: s.log}
}

func (s *store) describe() string {
	if s.engine != nil {
		return fmt.Sprintf("embedded ClickHouse at %s", s.engine.Addr())
	}
	return "external ClickHouse"
}
