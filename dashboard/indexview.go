package dashboard

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/vocab"
)

// indexYear is one row of the index-by-year table.
type indexYear struct {
	Year, Value, Band, Coverage string
	// Partial is true when coverage is below 100%: the row is marked.
	Partial                             bool
	Unreported, Imputed, MissingPillars string
}

// indexYears is the index by year, latest first: the one central value,
// its band, and what it rests on (coverage, values not reported, carried
// forward, pillars missing).
func indexYears(r *index.Result, lang string) []indexYear {
	out := make([]indexYear, 0, len(r.Periods))
	for k := len(r.Periods) - 1; k >= 0; k-- {
		y := indexYear{
			Year: vocab.PeriodLabel(r.Periods[k], lang), Value: fmt1(r.Headline[k]),
			Coverage: fmt.Sprintf("%.0f%%", 100*r.Coverage[k]), Partial: r.Coverage[k] < 1-index.Tolerance,
			Unreported: joinNames(r, r.Unreported[k], lang), Imputed: joinNames(r, r.Imputed[k], lang),
			MissingPillars: joinPillars(r, r.MissingPillars[k], lang),
		}
		if k < len(r.Band.P5) {
			y.Band = fmt1(r.Band.P5[k]) + "–" + fmt1(r.Band.P95[k])
		}
		out = append(out, y)
	}
	return out
}

// indicatorRow is one indicator in period k, from raw value to contribution.
type indicatorRow struct {
	Name, Raw, Normalised, Weight, Contribution string
	// Flag says why a value is not a plain reported one.
	Flag string
}

func indicatorRows(r *index.Result, k int, lang string) []indicatorRow {
	var out []indicatorRow
	for _, ind := range r.Indicators {
		row := indicatorRow{
			Name: i18n.Pick(lang, ind.NameZH, ind.NameEN), Raw: vocab.FormatNumber(ind.Raw[k], ind.Unit, lang),
			Normalised: fmt1(ind.Normalised[k]), Weight: fmt3(ind.EffectiveWeight[k]), Contribution: fmt1(ind.Contribution[k]),
		}
		switch {
		case slices.Contains(r.NoBase, ind.Code):
			row.Flag = tr(lang, "index_no_base")
		case slices.Contains(r.Unreported[k], ind.Code):
			row.Flag = tr(lang, "index_unreported")
		case slices.Contains(r.Imputed[k], ind.Code):
			row.Flag = tr(lang, "index_imputed")
		}
		out = append(out, row)
	}
	return out
}

// joinNames maps indicator codes to the reader's names, "—" for none.
func joinNames(r *index.Result, codes []string, lang string) string {
	var names []string
	for _, c := range codes {
		for _, ind := range r.Indicators {
			if ind.Code == c {
				names = append(names, i18n.Pick(lang, ind.NameZH, ind.NameEN))
			}
		}
	}
	return joinOrDash(names, lang)
}

func joinPillars(r *index.Result, codes []string, lang string) string {
	var names []string
	for _, p := range r.Pillars {
		if slices.Contains(codes, p.Code) {
			names = append(names, i18n.Pick(lang, p.NameZH, p.NameEN))
		}
	}
	return joinOrDash(names, lang)
}

func joinOrDash(names []string, lang string) string {
	if len(names) == 0 {
		return "—"
	}
	return strings.Join(names, i18n.T(lang, "sep_list"))
}

func fmt1(v float64) string { return fmtDigits(v, "%.1f") }
func fmt3(v float64) string { return fmtDigits(v, "%.3f") }

// fmtDigits writes v, or "—" where it is missing.
func fmtDigits(v float64, f string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return fmt.Sprintf(f, v)
}
