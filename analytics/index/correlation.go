package index

import "math"

// Correlation is the indicator correlation matrix of the Handbook's
// correlation step: Pearson's r between the yearly series of every pair of
// indicators, candidates left out of the pillars (Config.Excluded) included,
// so a reader can see why they were left out.
type Correlation struct {
	Codes   []string `json:"codes"`
	NamesZH []string `json:"names_zh"`
	NamesEN []string `json:"names_en"`
	// Excluded marks the candidates that are not in the pillars.
	Excluded []bool `json:"excluded"`
	// R[i][j] is r over the periods in which both are reported (imputed
	// values do not count); null with fewer than MinCorrelationPeriods such
	// periods or a series that does not vary.
	R []Series `json:"r"`
	// Periods is the span the matrix was computed over.
	Periods []string `json:"periods"`
}

// MinCorrelationPeriods is the fewest common periods r is computed from.
const MinCorrelationPeriods = 3

// correlate computes the matrix over the indicators of cfg and the
// excluded candidates present in data, on the full series as reported.
func correlate(cfg Config, f flat, data Data) *Correlation {
	c := &Correlation{}
	add := func(code, zh, en string, excluded bool) {
		c.Codes, c.Excluded = append(c.Codes, code), append(c.Excluded, excluded)
		c.NamesZH, c.NamesEN = append(c.NamesZH, nameOr(zh, en, code, true)), append(c.NamesEN, nameOr(zh, en, code, false))
	}
	for _, ind := range f.inds {
		add(ind.Code, ind.NameZH, ind.NameEN, false)
	}
	for _, x := range cfg.Excluded {
		if _, ok := data[x.Code]; ok {
			add(x.Code, x.NameZH, x.NameEN, true)
		}
	}
	m, err := buildMatrix(c.Codes, data)
	if err != nil || len(m.periods) == 0 {
		return nil
	}
	c.Periods = m.periods
	c.R = make([]Series, len(c.Codes))
	for i := range c.R {
		c.R[i] = make(Series, len(c.Codes))
		for j := range c.R[i] {
			c.R[i][j] = pearson(m.raw[i], m.raw[j])
		}
	}
	return c
}

// Between is r between two indicator codes; NaN if either is absent.
func (c *Correlation) Between(a, b string) float64 {
	if c == nil {
		return math.NaN()
	}
	i, j := -1, -1
	for k, code := range c.Codes {
		if code == a {
			i = k
		}
		if code == b {
			j = k
		}
	}
	if i < 0 || j < 0 {
		return math.NaN()
	}
	return c.R[i][j]
}

// pearson is r over the positions where both series have a value.
func pearson(a, b []float64) float64 {
	var xs, ys []float64
	for t := range a {
		if !math.IsNaN(a[t]) && !math.IsNaN(b[t]) {
			xs, ys = append(xs, a[t]), append(ys, b[t])
		}
	}
	if len(xs) < MinCorrelationPeriods {
		return math.NaN()
	}
	mx, my := mean(xs), mean(ys)
	var sxy, sxx, syy float64
	for k := range xs {
		dx, dy := xs[k]-mx, ys[k]-my
		sxy, sxx, syy = sxy+dx*dy, sxx+dx*dx, syy+dy*dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return math.Max(-1, math.Min(1, sxy/math.Sqrt(sxx*syy)))
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}
