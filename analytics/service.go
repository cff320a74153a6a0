package analytics

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/vocab"
)

// Service answers analytics questions from one ClickHouse database.
type Service struct {
	Conn    driver.Conn
	Catalog *Catalog
	Aliases *vocab.Aliases
	// VersionMaxAge is how long a data version read is reused (version.go);
	// 0 reads it for every request.
	VersionMaxAge time.Duration
	memo          *memo // results by data version (memo.go); nil computes every time
	clock         versionClock
}

// NewService uses the embedded catalog and the built-in aliases, and keeps
// results until the data change.
func NewService(conn driver.Conn) *Service {
	return &Service{Conn: conn, Catalog: DefaultCatalog(), Aliases: vocab.DefaultAliases(), memo: newMemo()}
}

// catalog returns the catalog extended with the observation metrics
// present in the data f shows (sample loads by the sample rule).
func (s *Service) catalog(ctx context.Context, f Filter) (*Catalog, error) {
	q, args := observationMetricsSQL(Filter{IncludeSample: f.IncludeSample})
	rows, err := s.Conn.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("analytics: observation metrics: %w", chsql.Wrap(err))
	}
	defer rows.Close()
	var names []string
	units := map[string]string{}
	for rows.Next() {
		var n, u string
		if err := rows.Scan(&n, &u); err != nil {
			return nil, fmt.Errorf("analytics: observation metrics: %w", err)
		}
		names = append(names, n)
		units[n] = u
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("analytics: observation metrics: %w", chsql.Wrap(err))
	}
	return s.Catalog.WithObservations(names, units), nil
}

// Metrics lists the catalog plus the observation metrics found in the
// data f shows (of f only the sample choice applies).
func (s *Service) Metrics(ctx context.Context, f Filter) ([]Metric, error) {
	c, err := s.catalog(ctx, f)
	if err != nil {
		return nil, err
	}
	return c.Metrics, nil
}

// resolve looks up metric codes, failing on the first unknown one.
func (s *Service) resolve(ctx context.Context, codes []string) ([]Metric, error) {
	c := s.Catalog
	var out []Metric
	for _, code := range codes {
		m, err := c.Get(code)
		if err != nil && strings.HasPrefix(code, ObsPrefix) {
			if c, err = s.catalog(ctx, Filter{IncludeSample: true}); err == nil { // a metric only sample data hold is known, and shows empty
				m, err = c.Get(code)
			}
		}
		if err != nil {
			return nil, &ParamError{"metric", code, err.Error()}
		}
		out = append(out, m)
	}
	return out, nil
}
