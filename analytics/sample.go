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
// The rule is one predicate (realOnlyPred in sqlgen.go), added to every
// read of a record view where samplePredNeeded says so, so no query can
// forget it. It is decided in the engine per statement: no round trip, and
// a load committed between two reads cannot make them disagree by more
// than that load.

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
	v, err := s.remember(ctx, "samples", func() (any, error) {
		q, err := chsql.Query("analytics.Samples")
		if err != nil {
			return nil, fmt.Errorf("analytics: sample data: %w", err)
		}
		var real, sample uint64
		if err := s.Conn.QueryRow(ctx, q).Scan(&real, &sample); err != nil {
			return nil, fmt.Errorf("analytics: sample data: %w", chsql.Wrap(err))
		}
		return Samples{Real: real > 0, Sample: sample > 0}, nil
	})
	if err != nil {
		return Samples{}, err
	}
	out := v.(Samples)
	out.Shown = out.Sample && (f.IncludeSample || !out.Real)
	return out, nil
}

// samplePredNeeded reports whether a read of table under f takes the
// sample rule: a record view, unless f asks for sample data.
func samplePredNeeded(table string, f Filter) bool {
	return !f.IncludeSample && strings.HasSuffix(table, "_current") && table != "sources_current"
}
