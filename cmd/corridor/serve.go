package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"

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
	var c storeConfig
	c.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address the dashboard listens on")
	withDemo := fs.Bool("demo", false, "load the demo data set (marked 示例数据) when the database holds no loads yet")
	kiosk := fs.Bool("kiosk", false, "read-only kiosk mode: the viewer pages open without login (for a wall screen); the API, exports and drill-down still need one")
	proxies := fs.String("trusted-proxies", "", "comma-separated IPs/CIDRs of load balancers whose X-Forwarded-For is trusted")
	return func(ctx context.Context) error {
		adminPW, envErr := takeSecretEnv(adminPasswordEnv)
		if err := c.Validate(); err != nil {
			return err
		}
		if _, _, err := net.SplitHostPort(*addr); err != nil {
			return usageError{fmt.Sprintf("--addr %q: want host:port", *addr)}
		}
		s, err := openStore(ctx, &c, true)
		if err != nil {
			return err
		}
		defer s.close()
		if envErr != nil {
			s.log.Warn("serve: the admin password may still show in /proc/PID/environ", "err", envErr)
		}
		if *withDemo {
			if err := demoIfEmpty(ctx, s, filepath.Join(c.data, "demo")); err != nil {
				return err
			}
		}
		if _, err := auth.EnsureAdmin(ctx, &auth.Store{Conn: s.conn}, adminPW, os.Stdout); err != nil {
			return err
		}
		reader, err := chsql.Open(ctx, s.reader, false)
		if err != nil {
			return err
		}
		defer reader.Close()
		d := dashboard.Deps{Conn: s.conn, Reader: reader, Database: s.database, Engine: "external", Log: s.log, Kiosk: *kiosk, TrustedProxies: splitList(*proxies)}
		if s.engine != nil {
			d.Engine, d.Restarts = "embedded", s.engine.Restarts
		}
		srv, err := dashboard.New(d)
		if err != nil {
			return err
		}
		s.log.Info("serving", "url", "http://"+*addr, "store", s.describe())
		go assets.Warm() // compress the front-end files now, so the first visitor does not wait ~0.4 s
		return srv.Listen(ctx, *addr)
	}
}

func demoIfEmpty(ctx context.Context, s *store, dir string) error {
	any, err := hasSources(ctx, s)
	if err != nil || any {
		return err
	}
	s.log.Info("empty database: loading the demo data set (示例数据)", "files", dir)
	return loadDemo(ctx, s, dir, false)
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
