package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/demo"
)

func demoCmd(fs *flagSet) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	out := fs.String("out", "", "folder for the generated files (default DATA/demo)")
	remove := fs.Bool("remove", false, "withdraw every sample load (示例数据: the demo and files loaded with 'corridor ingest --sample') in one go, print what was removed, and exit; real loads are untouched")
	by := fs.String("by", os.Getenv("USER"), "who removes the sample loads (recorded with each withdrawal)")
	return func(ctx context.Context) error {
		if err := c.Validate(); err != nil {
			return err
		}
		c.create = !*remove // loading the demo may create the database; removing it needs one
		s, err := openStore(ctx, &c, true)
		if err != nil {
			return err
		}
		defer s.close()
		if *remove {
			return removeDemo(ctx, s, os.Stdout, *by)
		}
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

// removeDemo withdraws every sample load and prints each, then a total.
func removeDemo(ctx context.Context, s *store, w io.Writer, by string) error {
	if by == "" {
		by = "demo --remove"
	}
	gone, err := demo.Remove(ctx, s.conn, by)
	rows := 0
	for _, src := range gone {
		fmt.Fprintf(w, "withdrawn %s  %-12s %6d rows  %s (示例数据)\n", src.ID, src.Kind, src.RowsAccepted, src.FileName)
		rows += int(src.RowsAccepted)
	}
	if err != nil {
		return err
	}
	if len(gone) == 0 {
		fmt.Fprintln(w, "no sample loads (示例数据) to remove")
		return nil
	}
	fmt.Fprintf(w, "removed %d sample loads (示例数据), %d rows; real loads are untouched. 'corridor ingest --list' shows them as withdrawn; 'corridor demo' loads the demo again\n", len(gone), rows)
	return nil
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
