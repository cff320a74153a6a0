package ingest

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

// Correction is what a reviewer changes in an extracted figure before
// accepting it; empty fields keep what was extracted. The figure as
// extracted is kept beside the corrected one (observations.original).
type Correction struct {
	Value     string // a figure as written: "18亿", "1.8e9", "30"
	Unit      string
	Qualifier string // "", at_least, approx, at_most, or "exact" to clear one
	Period    string // 2022, 2022-06, 2022Q3, 2022年6月
	Metric    string // a catalog code (contracts_value) or obs:PHRASE; see MetricName
	Place     string // a place name or area code: 张店区, 370303
}

// Empty reports whether the correction changes nothing.
func (c Correction) Empty() bool { return c == Correction{} }

// ParseCorrection reads "value=18亿,unit=元,period=2022,metric=contracts_value,place=张店区".
func ParseCorrection(s string) (Correction, error) {
	var c Correction
	for _, kv := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' }) {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return c, fmt.Errorf("ingest: correction %q: want key=value", kv)
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "value":
			c.Value = v
		case "unit":
			c.Unit = v
		case "qualifier":
			c.Qualifier = v
		case "period":
			c.Period = v
		case "metric":
			c.Metric = v
		case "place":
			c.Place = v
		default:
			return c, fmt.Errorf("ingest: correction: unknown field %q (value, unit, qualifier, period, metric, place)", k)
		}
	}
	return c, nil
}

// corrected is a figure's reviewable fields, as stored.
type corrected struct {
	Metric    string       `json:"metric"`
	Value     float64      `json:"value"`
	Unit      string       `json:"unit"`
	Qualifier string       `json:"qualifier"`
	Period    vocab.Period `json:"-"`
	PeriodS   string       `json:"period"`
	Place     string       `json:"place"`
}

// MetricName turns the metric a reviewer names (a catalog code, or
// obs:PHRASE) into the observations.metric name that code is read from
// (analytics.Catalog.ObservationName), or says why it cannot take a figure.
type MetricName func(code string) (string, error)

// apply returns f with the correction applied, checking every field.
// metricName resolves a metric correction (nil: none can be made).
func (c Correction) apply(f corrected, metricName MetricName) (corrected, error) {
	if c.Value != "" {
		v, err := strconv.ParseFloat(c.Value, 64)
		if err != nil {
			q, qerr := vocab.ParseQuantity(c.Value)
			if qerr != nil {
				return f, fmt.Errorf("ingest: correction: value %q: %w", c.Value, err)
			}
			v = q.Value
		}
		f.Value = v
	}
	if c.Unit != "" {
		f.Unit = c.Unit
	}
	switch q := vocab.Qualifier(c.Qualifier); q {
	case "":
	case "exact":
		f.Qualifier = ""
	case vocab.AtLeast, vocab.AtMost, vocab.Approx:
		f.Qualifier = string(q)
	default:
		return f, fmt.Errorf("ingest: correction: qualifier %q: want exact, at_least, approx or at_most", c.Qualifier)
	}
	if c.Period != "" {
		p, err := vocab.ParseDate(c.Period)
		if err != nil {
			return f, fmt.Errorf("ingest: correction: period %q: %w", c.Period, err)
		}
		f.Period, f.PeriodS = p, p.String()
	}
	if c.Metric != "" {
		if metricName == nil {
			return f, fmt.Errorf("ingest: correction: metric %q: no metric catalog to check it against", c.Metric)
		}
		name, err := metricName(c.Metric)
		if err != nil {
			return f, fmt.Errorf("ingest: correction: %w", err)
		}
		f.Metric = name
	}
	if c.Place != "" {
		p, ok := vocab.LookupPlace(c.Place)
		if !ok {
			return f, fmt.Errorf("ingest: correction: place %q is not a known place or area code", c.Place)
		}
		f.Place = p.Code
	}
	return f, nil
}

func (f corrected) json() string {
	b, _ := json.Marshal(f)
	return string(b)
}
