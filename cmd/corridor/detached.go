package main

import (
	"context"

	chsql "github.com/zibo-kj/corridor/sql"
)

// detachedHint is what an administrator does about a detached part; the
// admin guide (section 数据块损坏) says it at length.
const detachedHint = "its rows are missing from every figure: restore the data folder from a backup, or reload the affected files " +
	"with 'corridor ingest --force FILE'; then remove the part (docs/admin.md, 数据块损坏)"

// warnDetachedParts logs every part of our tables that the engine set
// aside at start (damaged files, typically), so that smaller numbers are
// never silent. /healthz reports the same as "degraded".
func warnDetachedParts(ctx context.Context, s *store) {
	parts, err := chsql.DetachedParts(ctx, s.conn)
	if err != nil {
		s.log.Warn("cannot check for damaged data parts", "err", err)
		return
	}
	for _, p := range parts {
		s.log.Warn("damaged data part set aside by the engine", "table", p.Table, "part", p.Name, "reason", p.Reason, "path", p.Path, "todo", detachedHint)
	}
}
