package analytics

import (
	"fmt"
	"strings"
)

// ObsPrefix codes a metric read from observations that the catalog does
// not name: the figures stored under observations.metric = "新增孵化器"
// are the metric "obs:新增孵化器". The prefix is never stored.
const ObsPrefix = "obs:"

// ObservationName returns the observations.metric name under which a
// figure of metric code must be stored for code to read it: a catalog
// metric read from observations (contracts_value → 技术合同成交额), or
// the phrase of an obs: code (obs:新增孵化器 → 新增孵化器). A catalog
// metric read from another table cannot take a figure, and says so.
func (c *Catalog) ObservationName(code string) (string, error) {
	if phrase, ok := strings.CutPrefix(code, ObsPrefix); ok {
		phrase = strings.TrimSpace(phrase)
		if phrase == "" {
			return "", fmt.Errorf("analytics: metric %q names no phrase", code)
		}
		return phrase, nil
	}
	m, err := c.Get(code)
	if err != nil {
		return "", fmt.Errorf("analytics: metric %q is not in the catalog (name a catalog code, or %sPHRASE)", code, ObsPrefix)
	}
	if m.Observation == "" {
		return "", fmt.Errorf("analytics: metric %s (%s) is counted from %s, not from figures: pick one of %s, or %sPHRASE",
			code, m.NameZH, m.Table, strings.Join(codesOf(c.ObservationMetrics()), ", "), ObsPrefix)
	}
	return m.Observation, nil
}

// ObservationMetrics lists the catalog metrics read from observations: the
// ones a figure taken from a text can feed.
func (c *Catalog) ObservationMetrics() []Metric {
	var out []Metric
	for _, m := range c.Metrics {
		if m.Observation != "" && !strings.HasPrefix(m.Code, ObsPrefix) {
			out = append(out, m)
		}
	}
	return out
}

func codesOf(ms []Metric) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Code
	}
	return out
}
