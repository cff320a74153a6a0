package dashboard

import (
	"maps"
	"slices"
	"strings"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/vocab"
)

// indexTables are the tables /api/v1/index exports, by ?table=: each
// chart of the index page downloads the one it draws.
var indexTables = map[string]func(*analytics.IndexReport, string) []sheet{
	"years":         indexYearsSheet,
	"pillars":       indexPillarsSheet,
	"contributions": indexContributionsSheet,
	"coupling":      indexCouplingSheet,
	"indicators":    indexIndicatorsSheet,
}

// indexYearsSheet is the index by year: the headline, both aggregations,
// the band and what the year rests on (the index line's table).
func indexYearsSheet(rep *analytics.IndexReport, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	r := rep.Result
	sh := sheet{Title: t("index_latest"), Cols: []string{t("col_year"), t("index_latest"), t("col_p5"), t("col_p50"), t("col_p95"), t("col_arithmetic"), t("col_geometric"),
		t("index_coverage"), t("index_unreported"), t("index_imputed")}}
	for i, p := range r.Periods {
		sh.Rows = append(sh.Rows, []any{vocab.PeriodLabel(p, lang), at(r.Headline, i), at(r.Band.P5, i), at(r.Band.P50, i), at(r.Band.P95, i),
			at(r.Arithmetic, i), at(r.Geometric, i), at(r.Coverage, i), listAt(r, r.Unreported, i, lang), listAt(r, r.Imputed, i, lang)})
	}
	return []sheet{sh}
}

// listAt names the indicators of period i's list, empty for none.
func listAt(r *index.Result, lists [][]string, i int, lang string) any {
	if i >= len(lists) || len(lists[i]) == 0 {
		return nil
	}
	return joinNames(r, lists[i], lang)
}

// indexPillarsSheet is the radar's table: each pillar's weight and score in
// the latest year, beside the base year's 100.
func indexPillarsSheet(rep *analytics.IndexReport, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	r := rep.Result
	last := len(r.Periods) - 1
	title := t("col_score")
	if last >= 0 {
		title = vocab.PeriodLabel(r.Periods[last], lang)
	}
	sh := sheet{Title: title, Cols: []string{t("col_pillar"), t("col_weight"), withLabel(t("col_score"), title, lang), withLabel(t("col_score"), vocab.PeriodLabel(r.Base, lang), lang), t("index_coverage")}}
	for _, p := range r.Pillars {
		row := []any{i18n.Pick(lang, p.NameZH, p.NameEN), num(p.Weight), nil, 100.0, nil}
		if last >= 0 {
			row[2], row[4] = at(p.Arithmetic, last), at(p.Coverage, last)
		}
		sh.Rows = append(sh.Rows, row)
	}
	return []sheet{sh}
}

// withLabel adds a period to a header: 维度得分（基期＝100） 2025年.
func withLabel(head, label, lang string) string {
	return head + i18n.T(lang, "sep_dot") + label
}

// indexContributionsSheet is the stacked bars' table: each pillar's
// contribution by year, and their total (the arithmetic index).
func indexContributionsSheet(rep *analytics.IndexReport, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	r := rep.Result
	sh := sheet{Title: t("index_contribution"), Cols: []string{t("col_year")}}
	for _, p := range r.Pillars {
		sh.Cols = append(sh.Cols, i18n.Pick(lang, p.NameZH, p.NameEN))
	}
	sh.Cols = append(sh.Cols, t("col_total"))
	for i, per := range r.Periods {
		row := []any{vocab.PeriodLabel(per, lang)}
		for _, p := range r.Pillars {
			row = append(row, at(p.Contribution, i))
		}
		sh.Rows = append(sh.Rows, append(row, at(r.Arithmetic, i)))
	}
	return []sheet{sh}
}

// indexCouplingSheet is the coupling chart's table: U₁, U₂, C, T, D and
// the grade by year.
func indexCouplingSheet(rep *analytics.IndexReport, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	sh := sheet{Title: t("col_d"), Cols: []string{t("col_year"), t("col_u1"), t("col_u2"), t("col_c"), t("col_t"), t("col_d"), t("col_grade")}}
	if rep.Coupling == nil {
		return []sheet{sh}
	}
	for _, p := range rep.Coupling.Points {
		var grade any
		if p.Grade != nil {
			grade = i18n.Pick(lang, p.Grade.NameZH, p.Grade.NameEN)
		}
		sh.Rows = append(sh.Rows, []any{vocab.PeriodLabel(p.Period, lang), num(p.U1), num(p.U2), num(p.C), num(p.T), num(p.D), grade})
	}
	return []sheet{sh}
}

// indexIndicatorsSheet is the indicators table of the index page: every
// indicator by year, from raw value to contribution.
func indexIndicatorsSheet(rep *analytics.IndexReport, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	r := rep.Result
	sh := sheet{Title: t("index_indicators"), Cols: []string{t("col_metric"), t("col_year"), t("index_raw"), t("col_unit"), t("index_normalised"), t("index_weight"), t("index_contribution")}}
	for _, ind := range r.Indicators {
		for i, p := range r.Periods {
			sh.Rows = append(sh.Rows, []any{i18n.Pick(lang, ind.NameZH, ind.NameEN), vocab.PeriodLabel(p, lang), at(ind.Raw, i), vocab.UnitName(ind.Unit, lang),
				at(ind.Normalised, i), at(ind.EffectiveWeight, i), at(ind.Contribution, i)})
		}
	}
	return []sheet{sh}
}

// indexTable picks the table a ?table= names ("" is the years table).
func indexTable(name string) (func(*analytics.IndexReport, string) []sheet, error) {
	if name == "" {
		name = "years"
	}
	if f, ok := indexTables[name]; ok {
		return f, nil
	}
	return nil, &analytics.ParamError{Param: "table", Value: name, Msg: "want one of " + strings.Join(slices.Sorted(maps.Keys(indexTables)), ", ")}
}
