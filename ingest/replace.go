package ingest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
)

// StatusReplaced marks a load that a corrected file replaced whole
// (Options.Replace): its rows disappear from every view, like a withdrawn
// load's, and come back if the load that replaced it is withdrawn.
const StatusReplaced = "replaced"

// replacedByPrefix starts the note of a replaced load; Withdraw finds the
// loads to bring back by it.
const replacedByPrefix = "replaced by load "

// replaceTarget checks that the load to replace exists, is committed and
// holds the same kind of records as the new file: a corrected platform
// sheet replaces a platform load, never a project load.
func replaceTarget(ctx context.Context, conn driver.Conn, id, kind, file string) (*Source, error) {
	old, err := GetSource(ctx, conn, id)
	if err != nil {
		return nil, fmt.Errorf("--replace: %w", err)
	}
	if old.Status != StatusCommitted {
		return nil, fmt.Errorf("ingest: --replace %s: that load is %s, not committed; only a load whose rows are shown can be replaced ('corridor ingest --list')", id, old.Status)
	}
	if old.Kind != kind {
		return nil, fmt.Errorf("ingest: --replace %s: that load holds %s records (%s) and %s holds %s; a load is replaced by a corrected file of the same kind", id, old.Kind, old.FileName, file, kind)
	}
	return &old, nil
}

// replacedVersion is the source row that marks old replaced by the load
// newID, written in the same INSERT as newID's commit: readers see either
// the old load or the new one, never both and never neither.
func replacedVersion(old Source, newID string, version uint64) Source {
	old.Status = StatusReplaced
	old.Note = fmt.Sprintf("%s%s at %s; %s", replacedByPrefix, newID, time.Now().In(shanghai).Format("2006-01-02 15:04"), old.Note)
	old.Version = max(version, old.Version+1)
	return old
}

// replacedBy lists the loads that the load id replaced and that are still
// replaced, so that withdrawing id brings them back.
func replacedBy(ctx context.Context, conn driver.Conn, id string) ([]Source, error) {
	q, err := chsql.Query("ingest.ReplacedBy")
	if err != nil {
		return nil, err
	}
	var out []Source
	err = conn.Select(ctx, &out, q, clickhouse.Named("status", StatusReplaced), clickhouse.Named("note_prefix", replacedByPrefix+id+" "))
	if err != nil {
		return nil, fmt.Errorf("ingest: loads replaced by %s: %w", id, chsql.Wrap(err))
	}
	return out, nil
}

// restored is a replaced load committed again, its note saying why.
func restored(s Source, by, withdrawn string, version uint64) Source {
	note := s.Note
	if i := strings.Index(note, "; "); strings.HasPrefix(note, replacedByPrefix) && i >= 0 {
		note = note[i+2:]
	}
	s.Status = StatusCommitted
	s.Note = fmt.Sprintf("restored by %s at %s when load %s, which had replaced it, was withdrawn; %s", by, time.Now().In(shanghai).Format("2006-01-02 15:04"), withdrawn, note)
	s.Version = max(version, s.Version+1)
	return s
}
