package charts

import "github.com/zibo-kj/corridor/vocab"

func periodLabels(ps []string, lang string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = vocab.PeriodLabel(p, lang)
	}
	return out
}
