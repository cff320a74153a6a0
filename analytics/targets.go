package analytics

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"time"

	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/vocab"
)

// Attainment compares one target with the actual value of its year.
type Attainment struct {
	Metric     string   `json:"metric"`
	NameZH     string   `json:"name_zh"`
	NameEN     string   `json:"name_en"`
	Unit       string   `json:"unit"`
	PlaceCode  string   `json:"place_code"`
	Place      string   `json:"place"`
	Year       int      `json:"year"`
	Target     float64  `json:"target"`
	Actual     float64  `json:"actual"`
	Attainment *float64 `json:"attainment,omitempty"` // actual / target (direction -1: target / actual)
	Approx     bool     `json:"approx,omitempty"`
}

type targetRow struct {
	Metric    string  `ch:"metric"`
	PlaceCode string  `ch:"place_code"`
	Year      int32   `ch:"year"`
	Value     float64 `ch:"value"`
}

// Targets returns every target of the given year (0 = all years) with its
// attainment: flows summed over the year, stocks at the year's end. Actuals
// come from one series query per target place, whatever the number of
// targets. Of f only the sample choice applies: targets are the city's.
func (s *Service) Targets(ctx context.Context, year int, f Filter) ([]Attainment, error) {
	scope := Filter{IncludeSample: f.IncludeSample}
	v, err := s.remember(ctx, fmt.Sprintf("targets|%d|%t", year, scope.IncludeSample), func() (any, error) { return s.targets(ctx, year, scope) })
	if err != nil {
		return nil, err
	}
	return slices.Clone(v.([]Attainment)), nil
}

// targets computes Targets (remembered until the data change).
func (s *Service) targets(ctx context.Context, year int, scope Filter) ([]Attainment, error) {
	q, args := targetsSQL(year, scope)
	var rows []targetRow
	if err := s.Conn.Select(ctx, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("analytics: targets: %w", chsql.Wrap(err))
	}
	byPlace := map[string][]targetRow{}
	for _, r := range rows {
		if _, err := s.Catalog.Get(r.Metric); err == nil { // targets for unknown metrics are listed by the data page only
			byPlace[r.PlaceCode] = append(byPlace[r.PlaceCode], r)
		}
	}
	places := make([]string, 0, len(byPlace))
	for p := range byPlace {
		places = append(places, p)
	}
	sort.Strings(places)
	out := []Attainment{}
	for _, code := range places {
		a, err := s.attainments(ctx, code, byPlace[code], scope)
		if err != nil {
			return nil, err
		}
		out = append(out, a...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out, nil
}

// attainments computes the actuals of one place's targets in one round trip.
func (s *Service) attainments(ctx context.Context, placeCode string, rows []targetRow, scope Filter) ([]Attainment, error) {
	f := Filter{Grain: "year", IncludeSample: scope.IncludeSample}
	name := placeCode
	for _, p := range vocab.Places() {
		if p.Code == placeCode {
			name = p.Name
			if p.Level != "province" {
				f.Districts = expandCity(p)
			}
		}
	}
	var codes []string
	minY, maxY := rows[0].Year, rows[0].Year
	for _, r := range rows {
		codes = append(codes, r.Metric)
		minY, maxY = min(minY, r.Year), max(maxY, r.Year)
	}
	f.From = time.Date(int(minY), 1, 1, 0, 0, 0, 0, time.UTC)
	f.To = time.Date(int(maxY)+1, 1, 1, 0, 0, 0, 0, time.UTC)
	ss, err := s.Series(ctx, dedupe(codes), f)
	if err != nil {
		return nil, err
	}
	actual := map[string]Point{}
	for _, sr := range ss {
		for _, p := range sr.Points {
			actual[sr.Metric.Code+"|"+p.Period] = p
		}
	}
	var out []Attainment
	for _, r := range rows {
		m, _ := s.Catalog.Get(r.Metric)
		p := actual[r.Metric+"|"+strconv.Itoa(int(r.Year))]
		a := Attainment{Metric: m.Code, NameZH: m.NameZH, NameEN: m.NameEN, Unit: m.Unit, PlaceCode: placeCode, Place: name,
			Year: int(r.Year), Target: r.Value, Actual: p.Value, Approx: p.Approx}
		if m.Direction < 0 {
			a.Attainment = ratioOf(r.Value, a.Actual)
		} else {
			a.Attainment = ratioOf(a.Actual, r.Value)
		}
		out = append(out, a)
	}
	return out, nil
}

func ratioOf(a, b float64) *float64 {
	if b == 0 {
		return nil
	}
	r := a / b
	return &r
}
