package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/zibo-kj/corridor/ingest"
)

// recoverLoads ends the loads that a stopped process left 'loading'
// (begun before started): their rows are removed and they are marked
// failed. Only the engine's owner calls it (see openStore). A recovery
// that fails is logged, not fatal: the rows stay invisible to readers and
// the next start tries again.
func (s *store) recoverLoads(ctx context.Context, started time.Time) {
	ended, err := ingest.RecoverInterrupted(ctx, s.conn, started)
	for _, src := range ended {
		s.log.Warn("interrupted load marked failed and its rows removed; load the file again", "source", src.ID, "file", src.FileName, "began", src.LoadedAt.In(cst).Format(time.DateTime))
	}
	if err != nil {
		s.log.Error("interrupted loads not fully recovered; their rows stay invisible and the next start tries again", "err", err)
	}
}

// warnStuckLoads logs the loads still 'loading' on an external ClickHouse.
// Another server may be running them, so nothing is changed: an
// administrator who knows they were interrupted withdraws them.
func (s *store) warnStuckLoads(ctx context.Context) {
	stuck, err := ingest.StuckLoads(ctx, s.conn, time.Now())
	if err != nil {
		s.log.Warn("cannot check for interrupted loads", "err", err)
		return
	}
	for _, src := range stuck {
		s.log.Warn("load still 'loading': if no Corridor process is loading it now, it was interrupted; withdraw it",
			"source", src.ID, "file", src.FileName, "began", src.LoadedAt.In(cst).Format(time.DateTime), "withdraw", "corridor ingest --withdraw "+src.ID)
	}
}

// listStatus is a load's status as `ingest --list` shows it: a load still
// loading carries a mark that stuckNote explains.
func listStatus(src ingest.Source) string {
	if src.Status == ingest.StatusLoading {
		return src.Status + "*"
	}
	return src.Status
}

// stuckNote explains the loads still loading in a listing ("" if none).
func stuckNote(list []ingest.Source) string {
	var ids []string
	for _, src := range list {
		if src.Status == ingest.StatusLoading {
			ids = append(ids, src.ID)
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return fmt.Sprintf("* still loading: if no Corridor process is loading it now, it was interrupted; withdraw it with 'corridor ingest --withdraw ID' (%s)", strings.Join(ids, ", "))
}
