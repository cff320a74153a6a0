package index

// flat is the configuration flattened to indicator order, the layout every
// computation loops over.
type flat struct {
	codes   []string
	inds    []Indicator
	pillars []Pillar
	w       weightSet
}

func (c Config) flatten() flat {
	f := flat{pillars: c.Pillars}
	for p, pl := range c.Pillars {
		f.w.pillar = append(f.w.pillar, pl.Weight)
		for _, ind := range pl.Indicators {
			f.codes = append(f.codes, ind.Code)
			f.inds = append(f.inds, ind)
			f.w.ind = append(f.w.ind, ind.Weight)
			f.w.pillarOf = append(f.w.pillarOf, p)
		}
	}
	return f
}

// overall is indicator i's nominal weight in the index: pillar weight ×
// indicator weight.
func (f flat) overall(i int) float64 { return f.w.pillar[f.w.pillarOf[i]] * f.w.ind[i] }

// names are the indicators' names in one language, the code where a name
// is missing, for messages a reader sees.
func (f flat) names(idx []int, zh bool) []string {
	out := make([]string, 0, len(idx))
	for _, i := range idx {
		out = append(out, nameOr(f.inds[i].NameZH, f.inds[i].NameEN, f.inds[i].Code, zh))
	}
	return out
}

// nameOr picks the name in the reader's language, then the other one, then
// the code.
func nameOr(zhName, enName, code string, zh bool) string {
	first, second := enName, zhName
	if zh {
		first, second = zhName, enName
	}
	switch {
	case first != "":
		return first
	case second != "":
		return second
	}
	return code
}
