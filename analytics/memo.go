package analytics

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// memo keeps what a Service computed from the data until the data change:
// every key begins with the data version (DataVersion), which changes when
// a load commits or is withdrawn, so a result is never served for other
// data. Concurrent requests for one key compute it once. Bounded: when
// full it starts over, as the dashboard's page cache does.
type memo struct {
	mu  sync.Mutex
	max int
	m   map[string]*memoEntry
}

// memoEntry is one result, or the computation of it under way.
type memoEntry struct {
	done chan struct{}
	val  any
	err  error
}

// memoSize bounds the entries kept: the distinct filters of a busy day
// (districts × metrics × grains), a few MB at most.
const memoSize = 4096

func newMemo() *memo { return &memo{max: memoSize, m: map[string]*memoEntry{}} }

// versionKey carries the data version of a request in its context.
type versionKey struct{}

// WithDataVersion tells the Service the data version the caller already
// read for this request, saving it a round trip per call.
func WithDataVersion(ctx context.Context, v string) context.Context {
	return context.WithValue(ctx, versionKey{}, v)
}

// versionOf is the request's data version: the one in ctx, or read now.
func (s *Service) versionOf(ctx context.Context) (string, error) {
	if v, ok := ctx.Value(versionKey{}).(string); ok && v != "" {
		return v, nil
	}
	return s.DataVersion(ctx)
}

// remember returns the result of compute for key under the current data
// version, computing it at most once however many requests ask together.
// Errors are not kept. Without a memo (a Service built by hand) it computes.
func (s *Service) remember(ctx context.Context, key string, compute func() (any, error)) (any, error) {
	if s.memo == nil {
		return compute()
	}
	v, err := s.versionOf(ctx)
	if err != nil {
		return nil, err
	}
	key = v + "|" + key
	mm := s.memo
	mm.mu.Lock()
	if e, ok := mm.m[key]; ok {
		mm.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if e.err == nil {
			return e.val, nil
		}
		return compute() // the first try failed (perhaps its request was cancelled): try for this one
	}
	if len(mm.m) >= mm.max {
		mm.m = map[string]*memoEntry{}
	}
	e := &memoEntry{done: make(chan struct{})}
	mm.m[key] = e
	mm.mu.Unlock()
	e.val, e.err = compute()
	close(e.done)
	if e.err != nil {
		mm.mu.Lock()
		if mm.m[key] == e {
			delete(mm.m, key)
		}
		mm.mu.Unlock()
	}
	return e.val, e.err
}

// dimsKey writes the filter's dimensions (everything but its period and
// grain) canonically, for memo keys.
func (f Filter) dimsKey() string {
	d := slices.Clone(f.Districts)
	slices.Sort(d)
	return "d=" + strings.Join(d, ",") + "|" + f.dimsKeyNoPlace()
}

// dimsKeyNoPlace writes the dimensions facts are read under: all but the
// places, which facts hold per row.
func (f Filter) dimsKeyNoPlace() string {
	return fmt.Sprintf("p=%q|i=%q|l=%q|k=%q|s=%t", f.Partner, f.Industry, f.Level, f.Kind, f.IncludeSample)
}

// aligned reports whether t is open (zero) or the first day of a period of
// grain: a range between such bounds holds whole periods, so a series read
// over all time and cut to it is the same as one read over it.
func aligned(t time.Time, grain string) bool {
	return t.IsZero() || truncate(t, grain).Equal(t)
}
