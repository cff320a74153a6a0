package analytics

import (
	"context"
	"fmt"
	"strings"

	chsql "github.com/zibo-kj/corridor/sql"
)

// Sample data (示例数据: the demo set, loads marked sample) never mix
// silently with real data. Once any real load is committed, every read of
// a *_current view leaves the sample loads' rows out, unless the filter
// asks for them (IncludeSample, ?sample=include). While only sample loads
// exist they are shown, so a fresh installation has something to look at;
// pages say so with the 示例数据 badge.
//
// The rule is one predicate, added by Filter.predicates to every read of
// a record view, so no query can forget it. It is decided in the engine
// per statement: no round trip, and a load committed between two reads
// cannot make them disagree by more than that load.
const realOnlyPred = "source_id NOT IN (SELECT source_id FROM sources FINAL WHERE sample = 1 AND " +
	"(SELECT count() FROM sources FINAL WHERE status = 'committed' AND sample = 0) > 0)"

// samplesSQL counts the committed real and sample loads.
const samplesSQL = "SELECT countIf(sample = 0), countIf(sample = 1) FROM sources FINAL WHERE status = 'committed'"

// Samples says what the committed loads hold and whether a filter shows
// the sample ones.
type Samples struct {
	Real   bool `json:"real"`   // some committed load is real data
	Sample bool `json:"sample"` // some committed load is sample data (示例数据)
	Shown  bool `json:"shown"`  // sample rows are in what the filter shows
}

// Switchable reports whether a reader can choose: both real and sample
// loads exist, so sample data are hidden unless asked for.
func (s Samples) Switchable() bool { return s.Real && s.Sample }

// Samples reads what the committed loads hold and whether f shows sample rows.
func (s *Service) Samples(ctx context.Context, f Filter) (Samples, error) {
	var real, sample uint64
	if err := s.Conn.QueryRow(ctx, samplesSQL).Scan(&real, &sample); err != nil {
		return Samples{}, fmt.Errorf("analytics: sample data: %w", chsql.Wrap(err))
	}
	out := Samples{Real: real > 0, Sample: sample > 0}
	out.Shown = out.Sample && (f.IncludeSample || !out.Real)
	return out, nil
}

// samplePreds is the sample rule for one view under f: nothing when f asks
// for sample data or the view is not a record view.
func (f Filter) samplePreds(table string) []string {
	if f.IncludeSample || !strings.HasSuffix(table, "_current") || table == "sources_current" {
		return nil
	}
	return []string{realOnlyPred}
}
