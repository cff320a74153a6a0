package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/engine"
)

// store is an open ClickHouse: the writer pool and the targets of the two
// read paths, and the embedded engine when this process runs it.
type store struct {
	conn     driver.Conn  // the writer
	writer   chsql.Target // migrations, loads, users, sessions
	reader   chsql.Target // people's ad hoc SQL: read-only, under a quota
	web      chsql.Target // the dashboard's own reads: read-only
	database string
	engine   *engine.Engine   // set when this process runs the embedded engine
	attached *engine.Endpoint // set when another corridor process runs it
	log      *slog.Logger
}

// attachWait is how long a command waits for a server on the same data
// folder that is still starting to advertise its engine.
const attachWait = 15 * time.Second

// openStore starts the embedded engine (unless a DSN is given) or, when
// another corridor process already runs it on the same data folder,
// attaches to that engine; connects as the writer and, with migrate set,
// applies pending migrations.
func openStore(ctx context.Context, c *storeConfig, migrate bool) (*store, error) {
	started := time.Now() // a load begun before this moment is not this process's
	log := c.logger()
	s := &store{log: log}
	if c.clickhouse != "" {
		s.writer = chsql.Target{DSN: c.clickhouse, Cluster: c.cluster, PerNode: c.clusterPerNode}
		s.reader, s.web = s.writer, s.writer
		if c.clickhouseReader != "" {
			s.reader = chsql.Target{DSN: c.clickhouseReader, Cluster: c.cluster, PerNode: c.clusterPerNode}
			s.web = s.reader
		}
	} else {
		if err := checkDatabase(c); err != nil {
			return nil, err
		}
		p, err := s.startOrAttach(ctx, c)
		if err != nil {
			return nil, err
		}
		s.writer = chsql.Target{DSN: p.DSN(engine.Writer)}
		s.reader = chsql.Target{DSN: p.DSN(engine.Analyst)}
		s.web = chsql.Target{DSN: p.DSN(engine.Web)}
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
		if _, err := (chsql.Migrator{Conn: s.conn, Database: db, Cluster: c.cluster, PerNode: c.clusterPerNode, Log: log}).Up(ctx); err != nil {
			s.close()
			return nil, err
		}
		s.settleLoads(ctx, started)
	}
	s.announce(c.logTo, c)
	return s, nil
}

// startOrAttach runs the embedded engine on the data folder, or reaches the
// one a running corridor process (serve, most often) already runs there.
func (s *store) startOrAttach(ctx context.Context, c *storeConfig) (engine.Endpoint, error) {
	lib, err := engine.EnsureLib(c.chdbLib, c.cache, s.log)
	if err != nil {
		return engine.Endpoint{}, err
	}
	level, _ := parseLevel(c.logLevel)
	e, err := engine.Start(ctx, engine.Options{DataDir: c.data, LibPath: lib, Database: c.database, TCPPort: c.enginePort, HTTPPort: c.engineHTTP, Logger: s.log, LogLevel: engine.LogLevel(level)})
	if err == nil {
		s.engine = e
		return e.Endpoint(), nil
	}
	if !errors.Is(err, engine.ErrInUse) {
		return engine.Endpoint{}, err
	}
	if c.ownEngine {
		return engine.Endpoint{}, fmt.Errorf("data folder %s is already served by another corridor process; stop it or use another --data folder: %w", c.data, err)
	}
	p, err := engine.Attach(ctx, c.data, attachWait)
	if err != nil {
		return engine.Endpoint{}, err
	}
	if p.Database != c.database {
		return engine.Endpoint{}, usageError{fmt.Sprintf("--database %q: the corridor process (pid %d) running on %s serves database %q", c.database, p.PID, c.data, p.Database)}
	}
	s.log.Debug("using the engine of the corridor process already running on this data folder", "pid", p.PID, "addr", p.Addr)
	s.attached = &p
	return p, nil
}

// settleLoads deals with loads a stopped process left 'loading'.
func (s *store) settleLoads(ctx context.Context, started time.Time) {
	switch {
	case s.attached != nil: // the owner settled them at its start, and may have a load in flight now
		return
	case s.engine == nil: // external ClickHouse: another server may be loading
		s.warnStuckLoads(ctx)
		return
	}
	s.recoverLoads(ctx, started) // OWNER ONLY: this process started the engine, so no earlier load can still be running
}

// close closes the pool first (an idle connection delays the engine's
// shutdown), then stops the engine if this process runs it.
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
	switch {
	case s.engine != nil:
		return fmt.Sprintf("embedded ClickHouse at %s", s.engine.Addr())
	case s.attached != nil:
		return fmt.Sprintf("embedded ClickHouse at %s, run by corridor process %d", s.attached.Addr, s.attached.PID)
	}
	return "external ClickHouse"
}
