package main

import (
	"context"
	"fmt"

	"github.com/zibo-kj/corridor/sql/engine"
)

// engineCmd runs the embedded engine alone, in the foreground, so that an
// analyst's own ClickHouse client can connect; Ctrl-C stops it cleanly.
// Beside a running server it prints how to reach that server's engine.
// Only the analysts' read-only account is printed: the writer's password
// stays in DATA/engine/secrets.json for corridor itself.
func engineCmd(fs *flagSet) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	return func(ctx context.Context) error {
		if err := c.Validate(); err != nil {
			return err
		}
		if c.clickhouse != "" {
			return usageError{"engine runs the embedded ClickHouse; unset --clickhouse"}
		}
		s, err := openStore(ctx, &c, true)
		if err != nil {
			return err
		}
		defer s.close()
		var p engine.Endpoint
		if s.engine != nil {
			p = s.engine.Endpoint()
			fmt.Printf("Embedded ClickHouse (%s) is running. Press Ctrl-C to stop.\n\n", p.Addr)
		} else {
			p = *s.attached
			fmt.Printf("Embedded ClickHouse (%s) is already running, run by corridor process %d.\n\n", p.Addr, p.PID)
		}
		user, pass := p.Creds.UserPass(engine.Analyst)
		fmt.Printf("read-only DSN: %s\n", p.DSN(engine.Analyst))
		if p.HTTPAddr != "" {
			fmt.Printf("HTTP:          curl -u '%s:%s' 'http://%s/' --data-binary 'SELECT version()'\n", user, pass, p.HTTPAddr)
		}
		fmt.Println("\nThe account reads the corridor database only, within limits and an hourly quota per person (see docs/analyst.md).")
		if s.engine == nil {
			return nil
		}
		<-ctx.Done()
		fmt.Println("stopping")
		return nil
	}
}

// engineLibCmd fetches (once) and verifies libchdb.so, then prints its path.
func engineLibCmd(fs *flagSet) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	return func(ctx context.Context) error {
		if err := c.Validate(); err != nil {
			return err
		}
		p, err := engine.EnsureLib(c.chdbLib, c.cache, c.logger())
		if err != nil {
			return err
		}
		fmt.Println(p)
		return nil
	}
}
