package chtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/engine"
)

// Cluster is several embedded engines on loopback that name each other as
// the shards of one ClickHouse cluster (remote_servers) and share one set
// of accounts. The embedded engine has no Keeper, so DDL cannot run
// ON CLUSTER: DB migrates every node itself (chsql.Migrator.PerNode).
type Cluster struct {
	Name    string
	Engines []*engine.Engine
	seq     int
}

// StartCluster starts n engines as the shards of cluster name, each with
// its own data folder, and stops them when the test ends. The test binary's
// TestMain must run chtest.Run (or engine.MaybeRunChild) so that the
// engines' child processes work.
func (h *Harness) StartCluster(t testing.TB, name string, n int) *Cluster {
	t.Helper()
	creds := engine.Credentials{
		WriterUser: "corridor", WriterPassword: secret(t),
		ReaderUser: "corridor_ro", ReaderPassword: secret(t),
		WebUser: "corridor_web", WebPassword: secret(t),
	}
	ports := make([]int, n)
	shards := make([]string, n)
	for i := range ports {
		p, err := engine.FreePort()
		if err != nil {
			t.Fatalf("chtest: cluster port: %v", err)
		}
		ports[i], shards[i] = p, net.JoinHostPort("127.0.0.1", strconv.Itoa(p))
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	c := &Cluster{Name: name}
	for i := range ports {
		e, err := engine.Start(context.Background(), engine.Options{
			DataDir: t.TempDir(), LibPath: h.Lib, Database: DBPrefix, Scope: DBPrefix + "*", Logger: log,
			TCPPort: ports[i], Cluster: &engine.Cluster{Name: name, Shards: shards}, Credentials: &creds,
		})
		if err != nil {
			t.Fatalf("chtest: cluster node %d: %v", i+1, err)
		}
		t.Cleanup(func() { _ = e.Stop(10 * time.Second) })
		c.Engines = append(c.Engines, e)
	}
	return c
}

func secret(t testing.TB) string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatalf("chtest: %v", err)
	}
	return hex.EncodeToString(b)
}

// ClusterDB is one test database created and migrated on every node.
type ClusterDB struct {
	Name   string
	Conn   driver.Conn   // writer on the first node: reads and writes go through its Distributed tables
	Target chsql.Target  // writer on the first node, in cluster mode
	Nodes  []driver.Conn // writer on each node, for looking at one shard's local tables
	Reader chsql.Target  // the analysts' account on the first node, in cluster mode
}

// DB creates a database named after the test on every node and applies
// every migration to each, in cluster mode.
func (c *Cluster) DB(t testing.TB) *ClusterDB {
	t.Helper()
	c.seq++
	name := fmt.Sprintf("%s_cl_%s_%d", DBPrefix, unsafeName.ReplaceAllString(t.Name(), "_"), c.seq)
	if len(name) > 120 {
		name = name[:120]
	}
	ctx := context.Background()
	d := &ClusterDB{Name: name}
	for i, e := range c.Engines {
		p := e.Endpoint()
		p.Database = name
		target := chsql.Target{DSN: p.DSN(engine.Writer), Cluster: c.Name, PerNode: true}
		conn, err := chsql.Open(ctx, target, true)
		if err != nil {
			t.Fatalf("chtest: open node %d: %v", i+1, err)
		}
		if _, err := (chsql.Migrator{Conn: conn, Database: name, Cluster: c.Name, PerNode: true}).Up(ctx); err != nil {
			conn.Close()
			t.Fatalf("chtest: migrate node %d: %v", i+1, err)
		}
		t.Cleanup(func() {
			if q, err := chsql.Query("chtest.DropDatabase"); err == nil {
				_ = conn.Exec(context.Background(), q, clickhouse.Named("db", name))
			}
			conn.Close()
		})
		d.Nodes = append(d.Nodes, conn)
		if i == 0 {
			d.Conn, d.Target = conn, target
			d.Reader = chsql.Target{DSN: p.DSN(engine.Analyst), Cluster: c.Name, PerNode: true}
		}
	}
	return d
}
