package dashboard

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/sql/adhoc"
)

// maxChartRows is the most result rows "chart this" draws: more categories
// than this are unreadable on any screen; a longer result is cut and says so.
const maxChartRows = 1000

// chartRequest is the body of POST /api/v1/query/chart: the query (as for
// /api/v1/query) and the columns to draw.
type chartRequest struct {
	Chart struct {
		Type string   `json:"type"` // bar, line or pie
		X    string   `json:"x"`    // the category column
		Y    []string `json:"y"`    // the value columns (a pie draws the first)
	} `json:"chart"`
}

// apiQueryChart is the console's "chart this": it re-runs the statement
// (audited like any run, at most maxChartRows rows) and answers the chart
// built by charts.Result as {id, title, option, truncated}, which the page
// draws and exports like every other chart.
func (s *Server) apiQueryChart(c *fiber.Ctx) error {
	if s.deps.Console == nil {
		return fiber.NewError(fiber.StatusServiceUnavailable, "SQL 控制台未配置 (console not configured)")
	}
	req, params, err := parseQueryRequest(c.Body())
	if err != nil {
		return err
	}
	var cr chartRequest
	if err := json.Unmarshal(c.Body(), &cr); err != nil || !slices.Contains(charts.ResultKinds, cr.Chart.Type) || cr.Chart.X == "" || len(cr.Chart.Y) == 0 {
		return fiber.NewError(fiber.StatusBadRequest, "chart: 应为 {\"type\": \"bar|line|pie\", \"x\": 列名, \"y\": [列名…]} (want a chart type, an x column and value columns)")
	}
	if req.Limits.MaxRows <= 0 || req.Limits.MaxRows > maxChartRows {
		req.Limits.MaxRows = maxChartRows
	}
	res, refused, err := s.runAudited(c, req, params)
	if refused || err != nil {
		return err
	}
	lang := s.lang(c)
	cats, series, err := chartColumns(res, cr.Chart.X, cr.Chart.Y)
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, err.Error())
	}
	title := tr(lang, "console_chart_title") + "：" + strings.Join(cr.Chart.Y, "、")
	ch, err := charts.Result("console-chart", title, cr.Chart.Type, cats, series, lang)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"id": ch.ID, "title": ch.Title, "option": json.RawMessage(orNull(ch.Option)), "empty": ch.Empty, "empty_text": ch.EmptyText, "truncated": res.Truncated, "query_id": res.QueryID})
}

// chartColumns picks the category column and the value columns of a
// result by name; a value cell that is not a number is a gap.
func chartColumns(res adhoc.Result, x string, ys []string) ([]string, []charts.ResultSeries, error) {
	index := func(name string) (int, error) {
		for i, c := range res.Columns {
			if c.Name == name {
				return i, nil
			}
		}
		return 0, fmt.Errorf("结果中没有列 %q (no column %q in the result)", name, name)
	}
	xi, err := index(x)
	if err != nil {
		return nil, nil, err
	}
	cats := make([]string, len(res.Rows))
	for r, row := range res.Rows {
		cats[r] = cellLabel(row[xi])
	}
	var series []charts.ResultSeries
	for _, y := range ys {
		yi, err := index(y)
		if err != nil {
			return nil, nil, err
		}
		s := charts.ResultSeries{Name: y, Values: make([]*float64, len(res.Rows))}
		for r, row := range res.Rows {
			s.Values[r] = cellNumber(row[yi])
		}
		series = append(series, s)
	}
	return cats, series, nil
}

// cellLabel is a cell as a category name.
func cellLabel(v any) string {
	if v == nil {
		return "NULL"
	}
	return fmt.Sprint(v)
}

// cellNumber is a cell as a number, or nil (a gap) for NULL and what is
// not one: adhoc gives numbers as Go numbers, big integers and decimals as
// their exact text.
func cellNumber(v any) *float64 {
	if v == nil {
		return nil
	}
	if _, ok := v.(bool); ok {
		return nil
	}
	f, err := strconv.ParseFloat(fmt.Sprint(v), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return &f
}

func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return s
}
