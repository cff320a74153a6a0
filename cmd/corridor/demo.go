package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

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

// completeDemo loads the demo files not loaded yet, as long as the
// database holds sample loads only: an empty database gets the whole demo,
// and a `serve --demo` stopped half-way completes at the next start (a
// load it left 'loading' was marked failed by then). A database with real
// loads is left alone, and a demo file an administrator withdrew stays
// withdrawn.
func completeDemo(ctx context.Context, s *store, dir string) error {
	list, err := ingest.ListSources(ctx, s.conn)
	if err != nil {
		return err
	}
	settled := map[string]bool{}
	for _, src := range list {
		if src.Sample == 0 {
			return nil
		}
		if src.Status == ingest.StatusCommitted || src.Status == ingest.StatusWithdrawn {
			settled[src.FileName] = true
		}
	}
	var missing []string
	for _, name := range demo.Names() {
		if !settled[name] {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	s.log.Info("loading the demo data set (示例数据)", "files", dir, "missing", strings.Join(missing, ", "))
	_, err = demo.Load(ctx, s.conn, dir, "demo", missing...)
	return err
}
