package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/zibo-kj/corridor/sql/engine"
)

// storeConfig is how a command reaches ClickHouse: the embedded engine in
// the data folder by default, or an external server or cluster by DSN.
type storeConfig struct {
	data       string
	clickhouse string
	// clickhouseReader is a read-only account of the external ClickHouse for
	// the dashboard's reads and corridor query.
	clickhouseReader string
	cluster          string
	// clusterPerNode: the cluster has no Keeper; migrations run on the node
	// --clickhouse names only (run migrate against each node).
	clusterPerNode bool
	chdbLib        string
	cache          string
	database       string
	enginePort     int
	engineHTTP     int
	logLevel       string
	logTo          io.Writer // where the log goes; nil is stderr (tests set a buffer)
	// ownEngine: this command must run the embedded engine itself (serve
	// supervises it) and never attaches to another process's.
	ownEngine bool
	// create: this command may create the database in an empty data folder
	// (serve and demo); every other command refuses (see checkDatabase).
	create bool
}

func (c *storeConfig) register(fs *flagSet) {
	fs.StringVar(&c.data, "data", "./data", "data folder of the embedded engine (database files, engine log, generated passwords), relative to the current folder; only serve and demo create a database in a folder that has none")
	fs.StringVar(&c.clickhouse, "clickhouse", "", "DSN of an external ClickHouse, e.g. clickhouse://user:pass@host:9000/corridor; empty runs the embedded engine")
	fs.StringVar(&c.clickhouseReader, "clickhouse-reader", "", "DSN of a read-only account of the same external ClickHouse, for the dashboard's reads and 'corridor query' (refused if the account can write); empty uses --clickhouse")
	fs.StringVar(&c.cluster, "cluster", "", "ClickHouse cluster name: each table is a Replicated…MergeTree name_local created ON CLUSTER plus a Distributed table over it, and every query and insert goes through the Distributed ones (external ClickHouse only)")
	fs.BoolVar(&c.clusterPerNode, "cluster-per-node", false, "with --cluster, for a cluster without Keeper: create plain MergeTree local tables on the --clickhouse node only, no ON CLUSTER (run 'corridor migrate' against every node)")
	fs.StringVar(&c.chdbLib, "chdb-lib", "", "path of an existing libchdb.so ("+engine.LibPackage+"@"+engine.LibVersion+"); empty fetches it once into the cache")
	fs.StringVar(&c.cache, "cache", engine.DefaultCacheDir(), "cache folder for the engine library")
	fs.StringVar(&c.database, "database", "corridor", "database name in the embedded engine")
	fs.IntVar(&c.enginePort, "engine-port", 0, "native-protocol port of the embedded engine on 127.0.0.1; 0 picks a free port")
	fs.IntVar(&c.engineHTTP, "engine-http-port", 0, "HTTP port of the embedded engine on 127.0.0.1; 0 leaves it off")
	fs.StringVar(&c.logLevel, "log-level", "info", "log level: debug, info, warn, error")
}

// Validate checks the options before anything starts.
func (c *storeConfig) Validate() error {
	if c.clickhouse != "" {
		for _, d := range []struct{ name, dsn string }{{"clickhouse", c.clickhouse}, {"clickhouse-reader", c.clickhouseReader}} {
			if d.dsn == "" {
				continue
			}
			o, err := clickhouse.ParseDSN(d.dsn)
			if err != nil {
				return usageError{fmt.Sprintf("--%s: not a ClickHouse DSN: %v", d.name, err)}
			}
			if o.Auth.Database == "" {
				return usageError{fmt.Sprintf("--%s: the DSN must name the database, e.g. clickhouse://user:pass@host:9000/corridor", d.name)}
			}
		}
	} else {
		if c.clickhouseReader != "" {
			return usageError{"--clickhouse-reader needs --clickhouse: the embedded engine has its own read-only accounts"}
		}
		if c.cluster != "" {
			return usageError{"--cluster needs --clickhouse: the embedded engine is a single server"}
		}
		if c.data == "" {
			return usageError{"--data must not be empty"}
		}
	}
	if c.clusterPerNode && c.cluster == "" {
		return usageError{"--cluster-per-node needs --cluster"}
	}
	for _, p := range []struct {
		name string
		v    int
	}{{"engine-port", c.enginePort}, {"engine-http-port", c.engineHTTP}} {
		if p.v < 0 || p.v > 65535 {
			return usageError{fmt.Sprintf("--%s %d: want 0..65535", p.name, p.v)}
		}
	}
	if c.database == "" || strings.ContainsAny(c.database, "`.\\ /") {
		return usageError{fmt.Sprintf("--database %q: want a plain name", c.database)}
	}
	if _, err := parseLevel(c.logLevel); err != nil {
		return err
	}
	return nil
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return l, usageError{fmt.Sprintf("--log-level %q: want debug, info, warn or error", s)}
	}
	return l, nil
}

func (c *storeConfig) logger() *slog.Logger {
	l, _ := parseLevel(c.logLevel)
	w := c.logTo
	if w == nil {
		w = os.Stderr
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

const stopGrace = 10 * time.Second
