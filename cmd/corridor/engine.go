package main

import (
	"context"
	"fmt"

	"github.com/zibo-kj/corridor/sql/engine"
)

// engineCmd runs the embedded engine alone, in the foreground, so that an
// analyst's own ClickHouse client can connect; Ctrl-C stops it cleanly.
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
		cr := s.engine.Credentials()
		fmt.Printf("Embedded ClickHouse (%s) is running. Press Ctrl-C to stop.\n\n", s.engine.Addr())
		fmt.Printf("writer DSN:    %s\n", s.engine.WriterDSN())
		fmt.Printf("read-only DSN: %s\n", s.engine.ReaderDSN())
		if h := s.engine.HTTPAddr(); h != "" {
			fmt.Printf("HTTP:          curl 'http://%s/?user=%s&password=%s' --data-binary 'SELECT version()'\n", h, cr.ReaderUser, cr.ReaderPassword)
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
