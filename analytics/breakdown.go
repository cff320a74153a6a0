package analytics

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/zibo-kj/corridor/vocab"
)

// BreakdownRow is one group of a breakdown.
type BreakdownRow struct {
	Key    string  `json:"key"`   // code or name as stored
	Label  string  `json:"label"` // readable name (district names for codes)
	Value  float64 `json:"value"`
	Share  float64 `json:"share"` // of the total
	Approx bool    `json:"approx,omitempty"`
	// Stated marks a city's own statistic in a split by district: shown
	// beside its districts, not added to the total they make.
	Stated bool `json:"stated,omitempty"`
}

// Breakdown is a metric split by one dimension, largest first.
type Breakdown struct {
	Metric Metric         `json:"metric"`
	By     string         `json:"by"`
	Rows   []BreakdownRow `json:"rows"`
	Other  float64        `json:"other"` // what the top-N cut off
	Total  float64        `json:"total"` // of distinct records: a record in several groups counts once
	// MultiValued says a record may sit in several groups (a platform with
	// two partners): the groups' values and shares add up to more than the total.
	MultiValued bool     `json:"multi_valued,omitempty"`
	Ignored     []string `json:"ignored_filters,omitempty"`
}

// Dimensions that breakdowns can group by.
var Dimensions = []string{"district", "partner", "industry", "level", "kind", "payer"}

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
	if !hasGroup(m.Table, by) {
		msg := fmt.Sprintf("metric %s has no %s dimension", m.Code, by)
		if by == "partner" && hasGroup(m.Table, "payer") {
			msg += "; funding is split by payer (by=payer): the home city's bodies that pay are not partners"
		}
		return nil, &ParamError{"by", by, msg}
	}
	gran := factGrain(f)
	fs, err := s.facts(ctx, "breakdown of "+m.Code+" by "+by+" by "+gran, f, func() (string, []any) { return breakdownFactsSQL(m, by, gran, f) })
	if err != nil {
		return nil, err
	}
	pl := placesOf(f)
	groups := map[string][]fact{}
	for _, x := range fs {
		groups[x.K] = append(groups[x.K], x)
	}
	b := &Breakdown{Metric: m, By: by, Rows: []BreakdownRow{}, Ignored: ignoredDims(m.Table, f), MultiValued: multiCol(m.Table, by) != ""}
	for k, xs := range groups {
		v, approx := reduce(m, xs, f, pl)
		if v == 0 && !approx && !hasCell(m, xs, f, pl) {
			continue
		}
		row := BreakdownRow{Key: k, Label: dimLabel(by, k), Value: v, Approx: approx}
		row.Stated = by == "district" && isTotal(m, fact{Place: k})
		b.Rows = append(b.Rows, row)
		if !row.Stated {
			b.Total += v
		}
	}
	if b.MultiValued { // a record with two partners is in two groups, and once in the total
		all, err := s.metricFacts(ctx, m, gran, f)
		if err != nil {
			return nil, err
		}
		var mine []fact
		for _, x := range all {
			if x.K == factKey(m) {
				mine = append(mine, x)
			}
		}
		b.Total, _ = reduce(m, mine, f, pl)
	}
	slices.SortStableFunc(b.Rows, func(x, y BreakdownRow) int {
		if x.Value != y.Value {
			return cmp.Compare(y.Value, x.Value)
		}
		return strings.Compare(x.Key, y.Key)
	})
	if top > 0 && len(b.Rows) > top {
		for _, r := range b.Rows[top:] {
			if !r.Stated {
				b.Other += r.Value
			}
		}
		b.Rows = b.Rows[:top]
	}
	for i := range b.Rows {
		if b.Total != 0 && !b.Rows[i].Stated {
			b.Rows[i].Share = b.Rows[i].Value / b.Total
		}
	}
	return b, nil
}

// hasCell reports whether a group has any cell in f's period and places:
// a group that counted nothing there is not shown, as a statement over
// that period would not have returned it.
func hasCell(m Metric, xs []fact, f Filter, pl places) bool {
	from := f.From
	if m.Cumulative || m.Agg == "last" {
		from = time.Time{}
	}
	return slices.ContainsFunc(xs, func(x fact) bool { return pl.keep(x.Place) && x.within(from, f.To) })
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
