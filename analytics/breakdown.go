package analytics

import (
	"context"
	"fmt"
	"sort"
	"strings"

	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/vocab"
)

// BreakdownRow is one group of a breakdown.
type BreakdownRow struct {
	Key    string  `json:"key"`   // code or name as stored
	Label  string  `json:"label"` // readable name (district names for codes)
	Value  float64 `json:"value"`
	Share  float64 `json:"share"` // of the total
	Approx bool    `json:"approx,omitempty"`
}

// Breakdown is a metric split by one dimension, largest first.
type Breakdown struct {
	Metric  Metric         `json:"metric"`
	By      string         `json:"by"`
	Rows    []BreakdownRow `json:"rows"`
	Other   float64        `json:"other"` // what the top-N cut off
	Total   float64        `json:"total"`
	Ignored []string       `json:"ignored_filters,omitempty"`
}

// Dimensions that breakdowns can group by.
var Dimensions = []string{"district", "partner", "industry", "level", "kind"}

// groupExpr is the SQL expression of a dimension on a view ("" = not available).
func groupExpr(table, by string) string {
	switch by {
	case "district":
		if table == "observations_current" {
			return "place_code"
		}
		return "district_code"
	case "partner":
		switch table {
		case "platforms_current", "projects_current":
			return "arrayJoin(if(empty(partners), [''], partners))"
		case "agreements_current":
			return "arrayJoin(if(empty(parties), [''], parties))"
		case "funding_current":
			return "payer"
		case "talent_current", "observations_current":
			return "partner"
		}
		return ""
	}
	if _, ok := dimsOf(table)[by]; ok {
		return by
	}
	return ""
}

// Breakdown splits a metric by a dimension over the filter's range (from
// the first record for cumulative metrics); top ≤ 0 keeps every group.
func (s *Service) Breakdown(ctx context.Context, code, by string, top int, f Filter) (*Breakdown, error) {
	ms, err := s.resolve(ctx, []string{code})
	if err != nil {
		return nil, err
	}
	m := ms[0]
	if !contains(Dimensions, by) {
		return nil, &ParamError{"by", by, "want one of " + strings.Join(Dimensions, ", ")}
	}
	g := groupExpr(m.Table, by)
	if g == "" {
		return nil, &ParamError{"by", by, fmt.Sprintf("metric %s has no %s dimension", m.Code, by)}
	}
	q, args, ignored := breakdownSQL(m, g, f)
	var rows []struct {
		K string  `ch:"k"`
		V float64 `ch:"v"`
		A uint8   `ch:"a"`
	}
	if err := s.Conn.Select(ctx, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("analytics: breakdown: %w", chsql.Wrap(err))
	}
	b := &Breakdown{Metric: m, By: by, Rows: []BreakdownRow{}, Ignored: ignored}
	for _, r := range rows {
		b.Total += r.V
		b.Rows = append(b.Rows, BreakdownRow{Key: r.K, Label: dimLabel(by, r.K), Value: r.V, Approx: r.A > 0})
	}
	sort.SliceStable(b.Rows, func(i, j int) bool { return b.Rows[i].Value > b.Rows[j].Value })
	if top > 0 && len(b.Rows) > top {
		for _, r := range b.Rows[top:] {
			b.Other += r.Value
		}
		b.Rows = b.Rows[:top]
	}
	for i := range b.Rows {
		if b.Total != 0 {
			b.Rows[i].Share = b.Rows[i].Value / b.Total
		}
	}
	return b, nil
}

func breakdownSQL(m Metric, g string, f Filter) (string, []any, []string) {
	where, args, ignored := metricWhere(m, f)
	approx := approxExpr(m.Table)
	if m.Agg == "last" {
		return fmt.Sprintf(`SELECT k, argMax(v, ps) AS v, max(a) AS a FROM (SELECT %s AS k, %s AS ps, toFloat64(sum(%s)) AS v, toUInt8(max(%s)) AS a FROM %s WHERE %s GROUP BY k, ps) GROUP BY k`,
			g, m.Date, m.Column, approx, m.Table, where), args, ignored
	}
	val := "count()"
	if m.Agg == "sum" {
		val = "sum(" + m.Column + ")"
	}
	return fmt.Sprintf("SELECT %s AS k, toFloat64(%s) AS v, toUInt8(max(%s)) AS a FROM %s WHERE %s GROUP BY k", g, val, approx, m.Table, where), args, ignored
}

// dimLabel turns stored keys into readable labels.
func dimLabel(by, key string) string {
	switch by {
	case "district":
		for _, p := range vocab.Places() {
			if p.Code == key {
				return p.Name
			}
		}
	case "level":
		return vocab.TermName(vocab.Levels(), key, "zh")
	case "kind":
		return vocab.TermName(vocab.CarrierKinds(), key, "zh")
	}
	if key == "" {
		return "未填写"
	}
	return key
}
