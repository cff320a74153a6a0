// Package analytics computes Corridor's metrics from ClickHouse: series by
// grain, breakdowns, the partner network, funding flows, targets and the
// inputs of the corridor integration index (computed in analytics/index).
package analytics

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

//go:embed catalog.json
var defaultCatalog []byte

// Metric is one entry of the metric catalog: what it means and how it is computed.
type Metric struct {
	Code        string `json:"code"`
	NameZH      string `json:"name_zh"`
	NameEN      string `json:"name_en"`
	Unit        string `json:"unit"`
	Type        string `json:"type"`      // flow (per period) or stock (level at a date)
	Pillar      string `json:"pillar"`    // index pillar it belongs to
	Direction   int    `json:"direction"` // +1 higher is better, -1 lower is better
	Table       string `json:"table"`     // *_current view it reads
	Date        string `json:"date"`      // date column that places a row in time
	Agg         string `json:"agg"`       // count, sum, or last (stock observed per period)
	Column      string `json:"column,omitempty"`
	Where       string `json:"where,omitempty"`       // fixed predicate (trusted: from the catalog file only)
	Cumulative  bool   `json:"cumulative,omitempty"`  // running total of the flow from the first record
	Observation string `json:"observation,omitempty"` // observations.metric name for observation metrics
}

// Catalog is the set of metrics, by code.
type Catalog struct {
	Version string   `json:"version"`
	Metrics []Metric `json:"metrics"`
	byCode  map[string]int
}

// LoadCatalog parses and validates a catalog file.
func LoadCatalog(r io.Reader) (*Catalog, error) {
	var c Catalog
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("analytics: catalog: %w", err)
	}
	c.byCode = map[string]int{}
	for i, m := range c.Metrics {
		if err := m.validate(); err != nil {
			return nil, fmt.Errorf("analytics: catalog metric %d (%s): %w", i+1, m.Code, err)
		}
		if _, dup := c.byCode[m.Code]; dup {
			return nil, fmt.Errorf("analytics: catalog: metric %s defined twice", m.Code)
		}
		c.byCode[m.Code] = i
	}
	return &c, nil
}

// DefaultCatalog is the embedded catalog.
func DefaultCatalog() *Catalog {
	c, err := LoadCatalog(strings.NewReader(string(defaultCatalog)))
	if err != nil {
		panic(err) // the embedded file is tested; a broken one must not ship
	}
	return c
}

func (m Metric) validate() error {
	switch {
	case m.Code == "" || m.NameZH == "" || m.NameEN == "":
		return fmt.Errorf("code, name_zh and name_en are required")
	case m.Type != "flow" && m.Type != "stock":
		return fmt.Errorf("type %q: want flow or stock", m.Type)
	case m.Agg != "count" && m.Agg != "sum" && m.Agg != "last":
		return fmt.Errorf("agg %q: want count, sum or last", m.Agg)
	case m.Agg != "count" && m.Column == "":
		return fmt.Errorf("agg %s needs a column", m.Agg)
	case m.Direction != 1 && m.Direction != -1:
		return fmt.Errorf("direction %d: want 1 or -1", m.Direction)
	case dimsOf(m.Table) == nil:
		return fmt.Errorf("table %q is not a known view", m.Table)
	}
	return nil
}

// Get returns the metric with code, or an error listing the known codes.
func (c *Catalog) Get(code string) (Metric, error) {
	if i, ok := c.byCode[code]; ok {
		return c.Metrics[i], nil
	}
	return Metric{}, fmt.Errorf("unknown metric %q; known: %s", code, strings.Join(c.Codes(), ", "))
}

// UnitOf is the unit a metric is measured in, found by its code or its
// Chinese name (target sheets write either); known is false for neither.
func (c *Catalog) UnitOf(metric string) (unit string, known bool) {
	if m, err := c.Get(metric); err == nil {
		return m.Unit, true
	}
	for _, m := range c.Metrics {
		if m.NameZH == metric {
			return m.Unit, true
		}
	}
	return "", false
}

// Codes lists the metric codes sorted.
func (c *Catalog) Codes() []string {
	out := make([]string, 0, len(c.Metrics))
	for _, m := range c.Metrics {
		out = append(out, m.Code)
	}
	sort.Strings(out)
	return out
}

// WithObservations adds a flow metric for every observation name present
// in the data that the catalog does not cover, coded "obs:<name>".
func (c *Catalog) WithObservations(names []string, units map[string]string) *Catalog {
	out := &Catalog{Version: c.Version, Metrics: append([]Metric(nil), c.Metrics...), byCode: map[string]int{}}
	covered := map[string]bool{}
	for _, m := range c.Metrics {
		covered[m.Observation] = true
	}
	for _, n := range names {
		if covered[n] {
			continue
		}
		out.Metrics = append(out.Metrics, Metric{Code: ObsPrefix + n, NameZH: n, NameEN: n, Unit: units[n], Type: "flow", Pillar: "", Direction: 1,
			Table: "observations_current", Date: "period_start", Agg: "sum", Column: "value", Observation: n})
	}
	for i, m := range out.Metrics {
		out.byCode[m.Code] = i
	}
	return out
}
