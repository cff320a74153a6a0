package adhoc

import (
	"strconv"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/zibo-kj/corridor/sql/engine"
)

// Limits bound one ad hoc query. Zero fields take the defaults; Clamp keeps
// every field inside the read-only accounts' bounds (engine.ReaderLimits),
// so a request can lower a limit but never ask the engine for more than its
// profile allows (the engine would refuse the query).
type Limits struct {
	MaxRows        int   `json:"max_rows"`         // rows returned; more cut the result (Truncated)
	TimeoutSeconds int   `json:"timeout_seconds"`  // max_execution_time
	MaxMemoryBytes int64 `json:"max_memory_bytes"` // max_memory_usage
	MaxRowsToRead  int64 `json:"max_rows_to_read"` // max_rows_to_read
	MaxResultBytes int64 `json:"max_result_bytes"` // max_result_bytes
}

// Defaults of a console query: small enough that a careless query is cheap.
const (
	DefaultMaxRows        = 10_000
	DefaultTimeoutSeconds = 30
	DefaultMaxMemory      = 1_000_000_000
	DefaultMaxRowsToRead  = 2_000_000_000
	DefaultMaxResultBytes = 500_000_000
)

// Clamp fills defaults and keeps each limit within its bounds.
func (l Limits) Clamp() Limits {
	l.MaxRows = int(bounded("max_result_rows", int64(l.MaxRows), DefaultMaxRows))
	l.TimeoutSeconds = int(bounded("max_execution_time", int64(l.TimeoutSeconds), DefaultTimeoutSeconds))
	l.MaxMemoryBytes = bounded("max_memory_usage", l.MaxMemoryBytes, DefaultMaxMemory)
	l.MaxRowsToRead = bounded("max_rows_to_read", l.MaxRowsToRead, DefaultMaxRowsToRead)
	l.MaxResultBytes = bounded("max_result_bytes", l.MaxResultBytes, DefaultMaxResultBytes)
	return l
}

// settings are the per-query settings of clamped limits. The profile's
// result_overflow_mode is a constant "throw" and its max_result_rows stays
// the hard bound, so the cut at MaxRows happens in Run (it stops reading and
// cancels the query) rather than by result_overflow_mode=break.
func (l Limits) settings(comment string) clickhouse.Settings {
	return clickhouse.Settings{
		"max_execution_time": l.TimeoutSeconds,
		"max_memory_usage":   l.MaxMemoryBytes,
		"max_rows_to_read":   l.MaxRowsToRead,
		"max_result_bytes":   l.MaxResultBytes,
		"log_comment":        comment,
	}
}

// bounded clamps v (0: def) to the named reader limit's bounds.
func bounded(name string, v, def int64) int64 {
	lo, hi := bounds(name)
	return clamp(v, def, lo, hi)
}

func clamp(v, def, lo, hi int64) int64 {
	if v <= 0 {
		v = def
	}
	return min(max(v, lo), hi)
}

// bounds are a reader limit's min and max; a constant limit's value is both.
func bounds(name string) (lo, hi int64) {
	for _, l := range engine.ReaderLimits() {
		if l.Name != name {
			continue
		}
		if l.Min == "" {
			v, _ := strconv.ParseInt(l.Value, 10, 64)
			return v, v
		}
		lo, _ = strconv.ParseInt(l.Min, 10, 64)
		hi, _ = strconv.ParseInt(l.Max, 10, 64)
		return lo, hi
	}
	panic("adhoc: no reader limit " + name) // a renamed limit is a programming error
}

// MaxTimeoutSeconds is the longest max_execution_time a query may ask for:
// the read-only profile's upper bound, which Clamp keeps every request under.
func MaxTimeoutSeconds() int {
	_, hi := bounds("max_execution_time")
	return int(hi)
}
