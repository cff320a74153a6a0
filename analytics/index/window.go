package index

// Window returns a copy of r with the periods p in [from, to] only (labels
// compared as strings, like Data periods; an empty bound is open). The
// values are those of the full computation, cut: a period filter chooses
// which years are shown, never what they are worth, and the base period
// keeps its meaning when it is cut away. Correlation, NoBase and the
// warnings concern the method and are kept whole.
func (r *Result) Window(from, to string) *Result {
	lo, hi := windowBounds(r.Periods, from, to)
	out := *r
	out.Periods = r.Periods[lo:hi]
	out.Headline, out.Arithmetic, out.Geometric, out.Coverage = r.Headline.cut(lo, hi), r.Arithmetic.cut(lo, hi), r.Geometric.cut(lo, hi), r.Coverage.cut(lo, hi)
	out.Unreported, out.Imputed = cutLists(r.Unreported, lo, hi), cutLists(r.Imputed, lo, hi)
	out.MissingPillars, out.ApproxIndicators = cutLists(r.MissingPillars, lo, hi), cutLists(r.ApproxIndicators, lo, hi)
	out.Band.P5, out.Band.P50, out.Band.P95 = r.Band.P5.cut(lo, hi), r.Band.P50.cut(lo, hi), r.Band.P95.cut(lo, hi)
	out.Pillars = make([]PillarResult, len(r.Pillars))
	for k, p := range r.Pillars {
		p.Arithmetic, p.Contribution, p.Coverage = p.Arithmetic.cut(lo, hi), p.Contribution.cut(lo, hi), p.Coverage.cut(lo, hi)
		out.Pillars[k] = p
	}
	out.Indicators = make([]IndicatorResult, len(r.Indicators))
	for k, ind := range r.Indicators {
		ind.Raw, ind.Normalised = ind.Raw.cut(lo, hi), ind.Normalised.cut(lo, hi)
		ind.EffectiveWeight, ind.Contribution = ind.EffectiveWeight.cut(lo, hi), ind.Contribution.cut(lo, hi)
		out.Indicators[k] = ind
	}
	out.Disagree, out.DisagreePeriods = false, []string{}
	out.markDisagreement()
	return &out
}

// Window returns a copy of r with the points whose period is in [from, to].
func (r *CouplingResult) Window(from, to string) *CouplingResult {
	out := *r
	out.Points = []CouplingPoint{}
	for _, p := range r.Points {
		if (from == "" || p.Period >= from) && (to == "" || p.Period <= to) {
			out.Points = append(out.Points, p)
		}
	}
	return &out
}

// windowBounds is the index range [lo, hi) of the sorted periods in [from, to].
func windowBounds(periods []string, from, to string) (lo, hi int) {
	lo, hi = 0, len(periods)
	for lo < hi && from != "" && periods[lo] < from {
		lo++
	}
	for hi > lo && to != "" && periods[hi-1] > to {
		hi--
	}
	return lo, hi
}

// cut is s[lo:hi] as a new slice; nil stays nil (a band switched off).
func (s Series) cut(lo, hi int) Series {
	if s == nil {
		return nil
	}
	return append(Series{}, s[lo:hi]...)
}

func cutLists(xs [][]string, lo, hi int) [][]string {
	if xs == nil {
		return nil
	}
	return append([][]string{}, xs[lo:hi]...)
}
