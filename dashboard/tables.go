package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/vocab"
)

// respond sends v as JSON, or as CSV/XLSX tables when ?format= asks for
// them; f is the filter v was computed under, table the JSON of v.
func (s *Server) respond(c *fiber.Ctx, f analytics.Filter, name string, v any, tables func(lang string) []sheet) error {
	format := c.Query("format")
	if format == "" || format == "json" {
		return c.JSON(v)
	}
	return s.export(c, f, name, tables(s.lang(c)), format)
}

// flag is an export's yes cell: 是 for true, empty for false, so a column
// of flags reads at a glance.
func flag(b bool, lang string) any {
	if b {
		return tr(lang, "yes")
	}
	return nil
}

// withUnit is a header naming its unit: 数值（元）, Value (yuan).
func withUnit(head, unit, lang string) string {
	u := vocab.UnitName(unit, lang)
	switch {
	case u == "":
		return head
	case lang == "en":
		return head + " (" + u + ")"
	}
	return head + "（" + u + "）"
}

func metricName(m analytics.Metric, lang string) string { return i18n.Pick(lang, m.NameZH, m.NameEN) }

// seriesSheet is /api/v1/series as a table: one row per metric and period.
func seriesSheet(ss []analytics.Series, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	sh := sheet{Title: t("col_value"), Cols: []string{t("col_metric"), t("col_period"), t("col_value"), t("col_unit"), t("yoy"), t("col_approx"), t("col_filled"), t("col_code")}}
	for _, s := range ss {
		for _, p := range s.Points {
			sh.Rows = append(sh.Rows, []any{metricName(s.Metric, lang), vocab.PeriodLabel(p.Period, lang), num(p.Value), vocab.UnitName(s.Metric.Unit, lang),
				optNum(p.YoY), flag(p.Approx, lang), flag(p.Filled, lang), s.Metric.Code})
		}
	}
	return []sheet{sh}
}

// dimensionHeader names a breakdown's dimension column.
func dimensionHeader(by, lang string) string {
	switch by {
	case "district", "partner", "industry", "level":
		return tr(lang, by)
	case "kind":
		return tr(lang, "col_kind")
	case "host":
		return tr(lang, "col_host")
	case "lead":
		return tr(lang, "col_lead")
	case "payer":
		return tr(lang, "col_flow_from")
	case "recipient":
		return tr(lang, "col_flow_to")
	}
	return by
}

// dimensionName is a breakdown key as its reader names it: place, level
// and kind codes become names.
func dimensionName(by string, r analytics.BreakdownRow, lang string) string {
	switch by {
	case "level":
		return vocab.TermName(vocab.Levels(), r.Key, lang)
	case "kind":
		return vocab.TermName(vocab.CarrierKinds(), r.Key, lang)
	}
	return r.Label
}

// breakdownSheet is a breakdown: the dimension's names, value, share; by
// district also the area code.
func breakdownSheet(b *analytics.Breakdown, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	name := metricName(b.Metric, lang)
	sh := sheet{Title: name, Cols: []string{dimensionHeader(b.By, lang), withUnit(name, b.Metric.Unit, lang), t("col_share"), t("col_approx")}}
	if b.By == "district" {
		sh.Cols = append(sh.Cols, t("col_area_code"))
	}
	for _, r := range b.Rows {
		row := []any{dimensionName(b.By, r, lang), num(r.Value), num(r.Share), flag(r.Approx, lang)}
		if b.By == "district" {
			row = append(row, r.Key)
		}
		sh.Rows = append(sh.Rows, row)
	}
	if b.Other > 0 {
		row := []any{t("other"), num(b.Other), nil, nil}
		if b.Total > 0 {
			row[2] = b.Other / b.Total
		}
		if b.By == "district" {
			row = append(row, nil)
		}
		sh.Rows = append(sh.Rows, row)
	}
	return []sheet{sh}
}

// flowsSheet is the sankey's links: from, to, amount in yuan.
func flowsSheet(fl *analytics.Flows, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	sh := sheet{Title: t("col_funding"), Cols: []string{t("col_flow_from"), t("col_flow_to"), withUnit(t("col_funding"), "元", lang)}}
	for _, l := range fl.Links {
		sh.Rows = append(sh.Rows, []any{l.Source, l.Target, num(l.Value)})
	}
	return []sheet{sh}
}

// networkSheet is the network's edges with what each is made of.
func networkSheet(n *analytics.Network, lang string) []sheet {
	t := func(k string) string { return tr(lang, k) }
	sh := sheet{Title: t("network"), Cols: []string{t("col_jinan"), t("col_zibo"), t("col_platforms_n"), t("col_projects_n"), withUnit(t("col_funding"), "元", lang), t("col_edge_weight")}}
	for _, e := range n.Edges {
		sh.Rows = append(sh.Rows, []any{e.Source, e.Target, e.Platforms, e.Projects, num(e.Funding), num(e.Weight)})
	}
	return []sheet{sh}
}

// seriesResponse is the /api/v1/series answer.
type seriesResponse struct {
	Filter analytics.Filter   `json:"filter"`
	Series []analytics.Series `json:"series"`
}
