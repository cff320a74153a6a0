package analytics

import (
	"context"
	"fmt"
	"time"

	"github.com/zibo-kj/corridor/ingest/normalize"
	chsql "github.com/zibo-kj/corridor/sql"
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

// Targets returns every target of the given year (0 = all years) with its
// attainment: flows summed over the year, stocks at the year's end.
func (s *Service) Targets(ctx context.Context, year int) ([]Attainment, error) {
	q := "SELECT metric, place_code, toInt32(year) AS year, value FROM targets_current WHERE (? = 0 OR year = ?) ORDER BY year, metric, place_code"
	var rows []struct {
		Metric    string  `ch:"metric"`
		PlaceCode string  `ch:"place_code"`
		Year      int32   `ch:"year"`
		Value     float64 `ch:"value"`
	}
	if err := s.Conn.Select(ctx, &rows, q, year, year); err != nil {
		return nil, fmt.Errorf("analytics: targets: %w", chsql.Wrap(err))
	}
	out := []Attainment{}
	for _, r := range rows {
		m, err := s.Catalog.Get(r.Metric)
		if err != nil {
			continue // a target for a metric the catalog does not know: listed by the data page, not here
		}
		a := Attainment{Metric: m.Code, NameZH: m.NameZH, NameEN: m.NameEN, Unit: m.Unit, PlaceCode: r.PlaceCode, Year: int(r.Year), Target: r.Value}
		f := Filter{Grain: "year", From: time.Date(int(r.Year), 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(int(r.Year)+1, 1, 1, 0, 0, 0, 0, time.UTC)}
		for _, p := range normalize.Places() {
			if p.Code == r.PlaceCode {
				a.Place = p.Name
				if p.Level != "province" {
					f.Districts = expandCity(p)
				}
			}
		}
		ss, err := s.Series(ctx, []string{m.Code}, f)
		if err != nil {
			return nil, err
		}
		if len(ss) == 1 && len(ss[0].Points) > 0 {
			a.Actual, a.Approx = ss[0].Total, ss[0].Approx
		}
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
