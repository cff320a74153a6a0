package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/demo"
)

func demoCmd(fs *flagSet) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	out := fs.String("out", "", "folder for the generated files (default DATA/demo)")
	return func(ctx context.Context) error {
		if err := c.Validate(); err != nil {
			return err
		}
		s, err := openStore(ctx, &c, true)
		if err != nil {
			return err
		}
		defer s.close()
		dir := *out
		if dir == "" {
			dir = filepath.Join(c.data, "demo")
		}
		return loadDemo(ctx, s, dir, true)
	}
}

// loadDemo writes the demo files and loads them as sample data.
func loadDemo(ctx context.Context, s *store, dir string, verbose bool) error {
	reps, err := demo.Load(ctx, s.conn, dir, "demo")
	if verbose {
		for _, r := range reps {
			fmt.Println(r.Summary())
		}
	}
	return err
}

// hasSources reports whether anything was ever loaded (serve --demo loads
// the demo data only into an empty database).
func hasSources(ctx context.Context, s *store) (bool, error) {
	list, err := ingest.ListSources(ctx, s.conn)
	return len(list) > 0, err
}
