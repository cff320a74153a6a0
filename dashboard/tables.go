package dashboard

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
)

// respond sends v as JSON, or as a CSV/XLSX table when ?format= asks for
// it; f is the filter v was computed under.
func (s *Server) respond(c *fiber.Ctx, f analytics.Filter, name string, v any) error {
	format := c.Query("format")
	if format == "" || format == "json" {
		return c.JSON(v)
	}
	cols, rows, ok := tableOf(v)
	if !ok {
		return &analytics.ParamError{Param: "format", Value: format, Msg: "this endpoint answers JSON only"}
	}
	return s.export(c, f, name, cols, rows, format)
}

func f64(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func ratioText(r *float64) string {
	if r == nil {
		return ""
	}
	return fmt.Sprintf("%.4f", *r)
}

// tableOf flattens an API result into columns and rows for export.
func tableOf(v any) ([]string, [][]string, bool) {
	switch x := v.(type) {
	case seriesResponse:
		cols := []string{"metric", "name_zh", "unit", "period", "value", "approx", "filled", "yoy"}
		var rows [][]string
		for _, s := range x.Series {
			for _, p := range s.Points {
				rows = append(rows, []string{s.Metric.Code, s.Metric.NameZH, s.Metric.Unit, p.Period, f64(p.Value), strconv.FormatBool(p.Approx), strconv.FormatBool(p.Filled), ratioText(p.YoY)})
			}
		}
		return cols, rows, true
	case *analytics.Breakdown:
		var rows [][]string
		for _, r := range x.Rows {
			rows = append(rows, []string{r.Key, r.Label, f64(r.Value), fmt.Sprintf("%.4f", r.Share), strconv.FormatBool(r.Approx)})
		}
		if x.Other > 0 {
			rows = append(rows, []string{"", "其他", f64(x.Other), "", ""})
		}
		return []string{x.By, "label", x.Metric.Code + " (" + x.Metric.Unit + ")", "share", "approx"}, rows, true
	case *analytics.Flows:
		var rows [][]string
		for _, l := range x.Links {
			rows = append(rows, []string{l.Source, l.Target, f64(l.Value)})
		}
		return []string{"source", "target", "value_yuan"}, rows, true
	case *analytics.Network:
		var rows [][]string
		for _, e := range x.Edges {
			rows = append(rows, []string{e.Source, e.Target, strconv.Itoa(e.Platforms), strconv.Itoa(e.Projects), f64(e.Funding), f64(e.Weight)})
		}
		return []string{"source", "target", "platforms", "projects", "funding_yuan", "weight"}, rows, true
	case *analytics.IndexReport:
		r := x.Result
		var rows [][]string
		for i, p := range r.Periods {
			rows = append(rows, []string{p, f64(r.Headline[i]), f64(r.Arithmetic[i]), f64(r.Geometric[i]), at(r.Band.P5, i), at(r.Band.P50, i), at(r.Band.P95, i), at(r.Coverage, i),
				strings.Join(r.Unreported[i], " "), strings.Join(r.Imputed[i], " ")})
		}
		return []string{"period", "headline", "arithmetic", "geometric", "p5", "p50", "p95", "coverage", "unreported", "imputed"}, rows, true
	}
	return nil, nil, false
}

func at(s []float64, i int) string {
	if i < len(s) {
		return f64(s[i])
	}
	return ""
}

// seriesResponse is the /api/v1/series answer.
type seriesResponse struct {
	Filter analytics.Filter   `json:"filter"`
	Series []analytics.Series `json:"series"`
}
