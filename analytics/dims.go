package analytics

// dimension is how one filter dimension reads on one view: a predicate
// with ? placeholders and how many times the value is bound.
type dimension struct {
	pred  string
	binds int
}

// dimsOf lists the filterable dimensions of each view (nil: unknown view).
// A filter on a dimension a view lacks is ignored and reported.
func dimsOf(table string) map[string]dimension {
	district := dimension{"district_code IN ?", 1}
	switch table {
	case "platforms_current":
		return map[string]dimension{"district": district, "partner": {"has(partners, ?)", 1}, "industry": {"industry = ?", 1}, "level": {"level = ?", 1}, "kind": {"kind = ?", 1}}
	case "projects_current":
		return map[string]dimension{"district": district, "partner": {"has(partners, ?)", 1}, "industry": {"industry = ?", 1}}
	case "agreements_current":
		return map[string]dimension{"district": district, "partner": {"has(parties, ?)", 1}, "kind": {"kind = ?", 1}}
	case "funding_current":
		return map[string]dimension{"district": district, "partner": {"(payer = ? OR recipient = ?)", 2}, "industry": {"industry = ?", 1}}
	case "carriers_current":
		return map[string]dimension{"district": district, "level": {"level = ?", 1}, "kind": {"kind = ?", 1}}
	case "talent_current":
		return map[string]dimension{"district": district, "partner": {"partner = ?", 1}}
	case "observations_current":
		return map[string]dimension{"district": {"place_code IN ?", 1}, "partner": {"partner = ?", 1}}
	}
	return nil
}

// values returns the filter's set dimensions and their bind values.
func (f Filter) values() map[string]any {
	out := map[string]any{}
	if len(f.Districts) > 0 {
		out["district"] = f.Districts
	}
	for k, v := range map[string]string{"partner": f.Partner, "industry": f.Industry, "level": f.Level, "kind": f.Kind} {
		if v != "" {
			out[k] = v
		}
	}
	return out
}

// predicates builds the WHERE parts for table — the filter's dimensions
// and the sample rule (sample.go) — and reports the dimensions it had to
// ignore. Every read of a record view goes through it.
func (f Filter) predicates(table string) (preds []string, args []any, ignored []string) {
	dims := dimsOf(table)
	for _, name := range []string{"district", "partner", "industry", "level", "kind"} {
		v, set := f.values()[name]
		if !set {
			continue
		}
		d, ok := dims[name]
		if !ok {
			ignored = append(ignored, name)
			continue
		}
		preds = append(preds, d.pred)
		for i := 0; i < d.binds; i++ {
			args = append(args, v)
		}
	}
	return append(preds, f.samplePreds(table)...), args, ignored
}
