package chsql

import (
	"context"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Target names a ClickHouse database reached through a DSN.
type Target struct {
	DSN     string // clickhouse://user:pass@host:9000/db
	Cluster string // cluster name for ON CLUSTER DDL and Replicated engines; "" for one server
	// PerNode: the cluster has no Keeper, so DDL runs on this node only
	// (see Migrator.PerNode).
	PerNode bool
}

// Database returns the database named in the DSN ("default" if none).
func (t Target) Database() (string, error) {
	o, err := clickhouse.ParseDSN(t.DSN)
	if err != nil {
		return "", fmt.Errorf("chsql: bad DSN: %w", err)
	}
	if o.Auth.Database == "" {
		return "default", nil
	}
	return o.Auth.Database, nil
}

// Open connects to the DSN's database and pings it. With create set, the
// database is created first (it must exist before a session can select it).
func Open(ctx context.Context, t Target, create bool) (driver.Conn, error) {
	o, err := clickhouse.ParseDSN(t.DSN)
	if err != nil {
		return nil, fmt.Errorf("chsql: bad DSN: %w", err)
	}
	if create && o.Auth.Database != "" {
		cluster := t.Cluster
		if t.PerNode {
			cluster = ""
		}
		if err := createDatabase(ctx, *o, cluster); err != nil {
			return nil, err
		}
	}
	tune(o)
	if t.Cluster != "" {
		clusterSettings(o)
	}
	conn, err := clickhouse.Open(o)
	if err != nil {
		return nil, fmt.Errorf("chsql: open: %w", err)
	}
	if err := conn.Ping(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("chsql: %w", Wrap(err))
	}
	return conn, nil
}

func tune(o *clickhouse.Options) {
	if o.DialTimeout == 0 || o.DialTimeout == 30*time.Second {
		o.DialTimeout = 5 * time.Second
	}
	if o.MaxOpenConns == 0 {
		o.MaxOpenConns = 16
	}
	if o.ConnMaxLifetime == 0 {
		o.ConnMaxLifetime = 10 * time.Minute
	}
}

func createDatabase(ctx context.Context, o clickhouse.Options, cluster string) error {
	db := o.Auth.Database
	o.Auth.Database = ""
	tune(&o)
	conn, err := clickhouse.Open(&o)
	if err != nil {
		return fmt.Errorf("chsql: open: %w", err)
	}
	defer conn.Close()
	q, args := createDatabaseSQL(db, cluster)
	if err := conn.Exec(ctx, q, args...); err != nil {
		return fmt.Errorf("chsql: create database %s: %w", db, Wrap(err))
	}
	return nil
}

// QuoteIdent quotes a ClickHouse identifier with backquotes.
func QuoteIdent(s string) string {
	out := []byte{'`'}
	for i := 0; i < len(s); i++ {
		if s[i] == '`' || s[i] == '\\' {
			out = append(out, '\\')
		}
		out = append(out, s[i])
	}
	return string(append(out, '`'))
}

func onCluster(cluster string) string {
	if cluster == "" {
		return ""
	}
	return " ON CLUSTER " + QuoteIdent(cluster)
}
