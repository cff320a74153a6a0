package demo

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/zibo-kj/corridor/ingest"
)

// Load writes the demo files into dir and loads them through the normal
// ingest path, marked as sample data. Loading twice changes nothing. With
// names given (see Names), only those files are loaded.
func Load(ctx context.Context, conn driver.Conn, dir, loadedBy string, only ...string) ([]*ingest.Report, error) {
	files, err := Write(dir)
	if err != nil {
		return nil, err
	}
	var reps []*ingest.Report
	for _, f := range files {
		if len(only) > 0 && !slices.Contains(only, filepath.Base(f.Path)) {
			continue
		}
		rep, err := ingest.Load(ctx, conn, ingest.Options{Path: f.Path, Kind: f.Kind, Sample: true, LoadedBy: loadedBy})
		if err != nil {
			if rep != nil && len(rep.Errors) > 0 {
				err = fmt.Errorf("%w; first: %v", err, rep.Errors[0])
			}
			return reps, fmt.Errorf("demo: %s: %w", filepath.Base(f.Path), err)
		}
		reps = append(reps, rep)
	}
	return reps, nil
}
