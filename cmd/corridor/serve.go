package main

import (
	"context"
	"fmt"
	"net"

	"github.com/zibo-kj/corridor/dashboard"
)

func serveCmd(fs *flagSet) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address the dashboard listens on")
	return func(ctx context.Context) error {
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
		d := dashboard.Deps{Conn: s.conn, Database: s.database, Engine: "external", Log: s.log}
		if s.engine != nil {
			d.Engine, d.Restarts = "embedded", s.engine.Restarts
		}
		srv, err := dashboard.New(d)
		if err != nil {
			return err
		}
		s.log.Info("serving", "url", "http://"+*addr, "store", s.describe())
		return srv.Listen(ctx, *addr)
	}
}
