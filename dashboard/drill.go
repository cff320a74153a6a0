package dashboard

import (
	"fmt"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/vocab"
)

// drillData is a page of rows behind a clicked bar, region or node.
type drillData struct {
	Rows      *analytics.Rows
	Cells     [][]string
	By, Value string
	Prev      string
	Next      string
	Export    string
	Pages     int
	ExtraFrom int // columns from here on are extra attributes kept from the sheets
	// Named is set for readers without row access (viewers): Cols and
	// Cells are then the named items only (see namedTable), with no export.
	Named bool
	Cols  []string
	// Codes are the columns' names in the database, shown as the headers'
	// titles for analysts who write SQL.
	Codes []string
}

// drillPage lists the records behind a number, with paging and export.
func (s *Server) drillPage(c *fiber.Ctx) error {
	f, err := s.filter(c, "metric", "by", "value", "period", "page", "size", "format")
	if err != nil {
		return err
	}
	if per := c.Query("period"); per != "" {
		pr, perr := vocab.ParseDate(per)
		if perr != nil {
			return &analytics.ParamError{Param: "period", Value: per, Msg: "not a period"}
		}
		f.From, f.To = pr.Start, pr.End().AddDate(0, 0, 1)
	}
	by, value := c.Query("by"), c.Query("value")
	if by == "district" {
		value = districtCode(value)
	}
	pg, err := intParam(c, "page", 1, 1, 1_000_000)
	if err != nil {
		return err
	}
	size, err := intParam(c, "size", 50, 1, 10_000)
	if err != nil {
		return err
	}
	format := c.Query("format")
	rowAccess := s.hasRole(c, auth.Analyst)
	if format != "" && !rowAccess { // leaders see the names; row exports stay with analysts
		return fiber.NewError(fiber.StatusForbidden, tr(s.lang(c), "forbidden_export"))
	}
	if format != "" {
		pg, size = 1, 100_000 // an export takes every row, up to the cap
	}
	rows, err := s.an.Rows(c.UserContext(), c.Query("metric"), by, value, f, pg, size)
	if err != nil {
		return err
	}
	if format != "" {
		return s.export(c, f, "rows-"+rows.Metric.Code, []sheet{{Title: metricName(rows.Metric, s.lang(c)), Cols: rows.Columns, Rows: rows.Rows}}, format)
	}
	p := s.newPage(c, "drill")
	if err := s.markSamples(c, p, f); err != nil {
		return err
	}
	d := drillData{Rows: rows, By: by, Value: c.Query("value"), ExtraFrom: len(rows.Columns) - len(rows.Extra)}
	d.Cols, d.Codes, d.Cells = analystTable(rows, p.Lang)
	if !rowAccess {
		d.Named, d.ExtraFrom = true, len(rows.Columns)
		d.Cols, d.Cells = namedTable(rows, p.Lang)
		d.Codes = nil
	}
	d.By, d.Value = byLabel(by, p.Lang), valueLabel(by, d.Value, p.Lang)
	d.Pages = int((rows.Total + uint64(size) - 1) / uint64(size))
	q := c.Request().URI().QueryArgs()
	link := func(n int) string {
		v, _ := url.ParseQuery(string(q.QueryString()))
		v.Set("page", strconv.Itoa(n))
		return "/drill?" + v.Encode()
	}
	if pg > 1 {
		d.Prev = link(pg - 1)
	}
	if pg < d.Pages {
		d.Next = link(pg + 1)
	}
	v, _ := url.ParseQuery(string(q.QueryString()))
	v.Del("page")
	v.Set("format", "csv")
	d.Export = "/drill?" + v.Encode()
	p.Title = fmt.Sprintf("%s · %s", tr(p.Lang, "drill"), rows.Metric.NameZH)
	if p.Lang == "en" {
		p.Title = fmt.Sprintf("%s · %s", tr(p.Lang, "drill"), rows.Metric.NameEN)
	}
	p.Data = d
	return s.render(c, "drill", p)
}

// districtCode accepts a district name (from a map click) or a code.
func districtCode(v string) string {
	if pl, ok := vocab.LookupPlace(v); ok {
		return pl.Code
	}
	return v
}

// byLabel names the dimension a drill-down is narrowed by.
func byLabel(by, lang string) string {
	if by == "" {
		return ""
	}
	return dimensionHeader(by, lang)
}

// valueLabel shows the clicked group by its name: 淄川区, not 370302.
func valueLabel(by, v, lang string) string {
	switch by {
	case "district":
		if pl, ok := vocab.LookupPlace(v); ok {
			return pl.Name
		}
	case "level":
		return vocab.TermName(vocab.Levels(), v, lang)
	case "kind":
		return vocab.TermName(vocab.CarrierKinds(), v, lang)
	}
	return v
}
