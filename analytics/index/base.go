package index

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// ErrNoBase means the data (under the request's filter) has too little in
// the configured base period to anchor the index: a data condition, not a
// failure. The error is a *BaseError, which says what is lacking.
var ErrNoBase = errors.New("index: no base period")

// BaseError says why the index cannot be anchored at the configured base
// period. The index never falls back to another base: values relative to a
// different year would read as if they were comparable.
type BaseError struct {
	// Base is the configured base period.
	Base string
	// Present is false when the data has no period Base at all.
	Present bool
	// Coverage is the share of the weight with a value > 0 in Base, and Min
	// the share required (Config.MinBaseCoverage).
	Coverage, Min float64
	// LackingZH and LackingEN name the indicators without a base value.
	LackingZH, LackingEN []string
}

// Error is the technical message, prefixed with the layer.
func (e *BaseError) Error() string {
	if !e.Present {
		return fmt.Sprintf("index: no base period: the data has no values in the base period %s", e.Base)
	}
	return fmt.Sprintf("index: no base period: in the base period %s only %.0f%% of the weight has a value > 0 (at least %.0f%% needed); lacking: %s",
		e.Base, 100*e.Coverage, 100*e.Min, strings.Join(e.LackingEN, ", "))
}

// Is makes errors.Is(err, ErrNoBase) true.
func (e *BaseError) Is(target error) bool { return target == ErrNoBase }

// Message is the reader's explanation in English for "en…", else in
// Chinese (the dashboard's default).
func (e *BaseError) Message(lang string) string {
	zh := !strings.HasPrefix(strings.ToLower(lang), "en")
	base := year(e.Base, zh)
	if !e.Present {
		return fmt.Sprintf(pick(zh,
			"当前筛选条件下，基期 %s没有数据，无法计算融合指数（指数以 %[1]s为基期，不改用其他年份）。",
			"Under this filter there is no data for the base year %s, so the integration index cannot be computed (it is always based on %[1]s, never on another year)."), base)
	}
	return fmt.Sprintf(pick(zh,
		"当前筛选条件下，基期 %s有数据的指标只占权重的 %.0f%%（至少需 %.0f%%），无法计算融合指数；基期无数据的指标：%s。指数不改用其他基期。",
		"Under this filter, indicators with data in the base year %s carry only %.0f%% of the weight (at least %.0f%% is needed), so the integration index cannot be computed; no base-year data: %s. The index never switches to another base year."),
		base, 100*e.Coverage, 100*e.Min, strings.Join(pick2(zh, e.LackingZH, e.LackingEN), pick(zh, "、", ", ")))
}

func pick2(zh bool, a, b []string) []string {
	if zh {
		return a
	}
	return b
}

// anchor finds the configured base period and the indicators that can be
// normalised against it (a value > 0 there, reported or carried). The
// others are left out of every period (noBase) and their weight passes to
// the indicators present, like a missing value; when what remains carries
// less than cfg.MinBaseCoverage of the weight, the index is not computed.
func anchor(cfg Config, f flat, m *matrix) (base int, noBase []int, err error) {
	base = slices.Index(m.periods, cfg.BasePeriod)
	if base < 0 {
		return 0, nil, &BaseError{Base: cfg.BasePeriod}
	}
	covered := 0.0
	for i := range f.codes {
		if x := m.raw[i][base]; x > 0 && !math.IsInf(x, 0) {
			covered += f.overall(i)
			continue
		}
		noBase = append(noBase, i)
	}
	if covered < cfg.MinBaseCoverage-Tolerance {
		return 0, nil, &BaseError{Base: cfg.BasePeriod, Present: true, Coverage: covered, Min: cfg.MinBaseCoverage,
			LackingZH: f.names(noBase, true), LackingEN: f.names(noBase, false)}
	}
	return base, noBase, nil
}
