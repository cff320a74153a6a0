package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/dashboard/assets"
	"github.com/zibo-kj/corridor/dashboard/auth"
	chsql "github.com/zibo-kj/corridor/sql"
)

// serveCmd runs the dashboard. The first admin's password comes from the
// environment (CORRIDOR_ADMIN_PASSWORD) only, never a flag: flags show in ps.
// It is taken out of the environment before anything else happens, so the
// engine child does not inherit it and /proc/PID/environ does not show it.
func serveCmd(fs *flagSet) func(ctx context.Context) error {
	c := storeConfig{ownEngine: true, create: true}
	c.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address the dashboard listens on")
	withDemo := fs.Bool("demo", false, "load the demo data set (marked 示例数据) unless the database holds real loads; a demo load cut short completes at the next start")
	kiosk := fs.Bool("kiosk", false, "read-only kiosk mode for a wall screen: / is the wall (数据大屏) and the viewer pages open without login; the API, exports and drill-down still need one")
	rotate := fs.Duration("kiosk-rotate", dashboard.DefaultKioskRotate, "how long the wall shows one scene before the next (0: no rotation)")
	proxies := fs.String("trusted-proxies", "", "comma-separated IPs/CIDRs of load balancers whose X-Forwarded-For is trusted")
	versionAge := fs.Duration("data-version-max-age", time.Second, "how long a read of the data version is reused: a load by another server or the CLI shows within it (0: read it on every request)")
	return func(ctx context.Context) error {
		adminPW, envErr := takeSecretEnv(adminPasswordEnv)
		if err := c.Validate(); err != nil {
			return err
		}
		if _, _, err := net.SplitHostPort(*addr); err != nil {
			return usageError{fmt.Sprintf("--addr %q: want host:port", *addr)}
		}
		if *versionAge < 0 {
			return usageError{fmt.Sprintf("--data-version-max-age %s: want 0 or more", *versionAge)}
		}
		s, err := openStore(ctx, &c, true)
		if err != nil {
			return err
		}
		defer s.close()
		warnDetachedParts(ctx, s)
		if envErr != nil {
			s.log.Warn("serve: the admin password may still show in /proc/PID/environ", "err", envErr)
		}
		if *withDemo {
			if err := completeDemo(ctx, s, filepath.Join(c.data, "demo")); err != nil {
				return err
			}
		}
		if _, err := auth.EnsureAdmin(ctx, &auth.Store{Conn: s.conn}, adminPW, os.Stdout); err != nil {
			return err
		}
		reader, err := openWebReader(ctx, s, &c)
		if err != nil {
			return err
		}
		defer reader.Close()
		console := openConsole(ctx, s)
		if console != nil {
			defer console.Close()
		}
		d := dashboard.Deps{Conn: s.conn, Reader: reader, Console: console, Database: s.database, Engine: "external", Log: s.log, Kiosk: *kiosk, KioskRotate: kioskRotate(*rotate), TrustedProxies: splitList(*proxies),
			DataVersionMaxAge: *versionAge}
		if s.engine != nil {
			d.Engine, d.Restarts = "embedded", s.engine.Restarts
		}
		srv, err := dashboard.New(d)
		if err != nil {
			return err
		}
		defer srv.Close() // the browser that draws PNG exports, if one was started
		s.log.Info("serving", "url", "http://"+*addr, "store", s.describe())
		go assets.Warm() // compress the front-end files now, so the first visitor does not wait ~0.4 s
		return srv.Listen(ctx, *addr)
	}
}

// openWebReader opens the pool the dashboard reads through: the engine's
// web account, or --clickhouse-reader, which must not be able to write.
// An external ClickHouse given one DSN only reads as the writer, with a warning.
func openWebReader(ctx context.Context, s *store, c *storeConfig) (driver.Conn, error) {
	conn, err := chsql.Open(ctx, s.web, false)
	if err != nil {
		return nil, err
	}
	if c.clickhouse != "" && c.clickhouseReader == "" {
		s.log.Warn("the dashboard reads as the writer: give --clickhouse-reader a read-only account of the same database")
		return conn, nil
	}
	if err := chsql.CheckReadOnly(ctx, conn); err != nil {
		conn.Close()
		return nil, fmt.Errorf("--clickhouse-reader: %w", err)
	}
	return conn, nil
}

// splitList splits a comma-separated option, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// kioskRotate maps --kiosk-rotate to Deps.KioskRotate, where 0 is the
// default and a negative value turns rotation off.
func kioskRotate(d time.Duration) time.Duration {
	if d <= 0 {
		return -1
	}
	return d
}
