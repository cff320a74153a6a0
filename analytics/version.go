package analytics

import (
	"context"
	"fmt"
	"sync"
	"time"

	chsql "github.com/zibo-kj/corridor/sql"
)

// versionClock remembers the data version for a short while, so a busy
// dashboard asks the engine once per MaxAge instead of once per request.
// A load through this process calls Forget and is seen at once; a load by
// another process (the CLI, another server) within MaxAge.
type versionClock struct {
	mu   sync.Mutex
	v    string
	read time.Time
}

// DataVersion changes whenever a load commits or is withdrawn: page caches
// and remembered results key on it. With VersionMaxAge set, a version read
// less than that long ago is reused.
func (s *Service) DataVersion(ctx context.Context) (string, error) {
	if s.VersionMaxAge > 0 {
		s.clock.mu.Lock()
		defer s.clock.mu.Unlock() // one reader at a time: the others take its answer
		if s.clock.v != "" && time.Since(s.clock.read) < s.VersionMaxAge {
			return s.clock.v, nil
		}
	}
	q, err := chsql.Query("analytics.DataVersion")
	if err != nil {
		return "", fmt.Errorf("analytics: data version: %w", err)
	}
	var v, n uint64
	if err := s.Conn.QueryRow(ctx, q).Scan(&v, &n); err != nil {
		return "", fmt.Errorf("analytics: data version: %w", chsql.Wrap(err))
	}
	ver := fmt.Sprintf("%d-%d", v, n)
	if s.VersionMaxAge > 0 {
		s.clock.v, s.clock.read = ver, time.Now()
	}
	return ver, nil
}

// Forget makes the next request read the data version again: call it
// after this process committed or withdrew a load.
func (s *Service) Forget() {
	s.clock.mu.Lock()
	s.clock.v = ""
	s.clock.mu.Unlock()
}
