package dashboard

import (
	"math"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/vocab"
)

// overviewSheets is the overview as the page shows it: the KPI cards (and
// the integration index's latest value with its band) and the targets.
func overviewSheets(o *analytics.Overview, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	kpis := sheet{Title: t("kpis"), Cols: []string{t("col_metric"), t("col_year"), t("col_value"), t("col_unit"), t("yoy"), t("col_approx"), t("col_p5"), t("col_p95")}}
	for _, k := range o.KPIs {
		kpis.Rows = append(kpis.Rows, []any{i18n.Pick(lang, k.NameZH, k.NameEN), vocab.PeriodLabel(k.Period, lang), num(k.Value), vocab.UnitName(k.Unit, lang),
			optNum(k.YoY), flag(k.Approx, lang), nil, nil})
	}
	if row := indexKPI(o.Index, lang); row != nil {
		kpis.Rows = append(kpis.Rows, row)
	}
	return append([]sheet{kpis}, targetsSheets(o.Targets, lang)...)
}

// indexKPI is the overview's index card as a row: the latest year with a
// value, and its band.
func indexKPI(rep *analytics.IndexReport, lang string) []any {
	if rep == nil || rep.Result == nil {
		return nil
	}
	r := rep.Result
	last := len(r.Periods) - 1
	if last < 0 || math.IsNaN(r.Headline[last]) {
		return nil
	}
	return []any{tr(lang, "index_latest"), vocab.PeriodLabel(r.Periods[last], lang), num(r.Headline[last]), tr(lang, "index_unit"),
		nil, nil, at(r.Band.P5, last), at(r.Band.P95, last)}
}

// targetsSheets is the attainment table: metric, place, year, target,
// actual, attainment.
func targetsSheets(ts []analytics.Attainment, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	sh := sheet{Title: t("targets"), Cols: []string{t("col_metric"), t("col_place"), t("col_year"), t("target"), t("actual"), t("col_unit"), t("attainment"), t("col_approx")}}
	for _, a := range ts {
		sh.Rows = append(sh.Rows, []any{i18n.Pick(lang, a.NameZH, a.NameEN), a.Place, a.Year, num(a.Target), num(a.Actual), vocab.UnitName(a.Unit, lang),
			optNum(a.Attainment), flag(a.Approx, lang)})
	}
	return []sheet{sh}
}

// metricsSheets is the metric catalog: what each metric counts, its unit,
// whether a flow or a stock, its pillar of the index and its direction.
func metricsSheets(ms []analytics.Metric, pillars []index.Pillar, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	names := map[string]string{}
	for _, p := range pillars {
		names[p.Code] = i18n.Pick(lang, p.NameZH, p.NameEN)
	}
	sh := sheet{Title: t("catalog"), Cols: []string{t("col_metric"), t("col_unit"), t("col_metric_type"), t("col_pillar"), t("col_direction"), t("col_code")}}
	for _, m := range ms {
		dir := t("higher_better")
		if m.Direction < 0 {
			dir = t("lower_better")
		}
		pillar := names[m.Pillar]
		if pillar == "" {
			pillar = m.Pillar
		}
		sh.Rows = append(sh.Rows, []any{metricName(m, lang), vocab.UnitName(m.Unit, lang), t(m.Type), pillar, dir, m.Code})
	}
	return []sheet{sh}
}

// at is s[i] as a cell, empty past the end.
func at(s []float64, i int) any {
	if i < len(s) {
		return num(s[i])
	}
	return nil
}
