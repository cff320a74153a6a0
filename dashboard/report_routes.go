package dashboard

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/auth"
)

// reportRoute downloads a report. It has reportTimeout rather than the
// request deadline, as a report of every page draws some 25 charts.
const reportRoute = "/report/download"

// reportTimeout bounds one report's building.
const reportTimeout = 5 * time.Minute

// reportPageData is the report page's form.
type reportPageData struct {
	Title   string
	Pages   []option
	Formats []option
}

// reportFormats are the formats the report page offers, with their labels.
var reportFormats = []struct{ value, label string }{
	{"docx", "Word (DOCX)"}, {"xlsx", "Excel (XLSX)"}, {"html", "HTML"}, {"png", "PNG (zip)"}, {"svg", "SVG (zip)"}, {"csv", "CSV (zip)"},
}

// reportPage is the report builder's form: pages (the monthly report's
// checked), a title and a format, under the filter of the page's URL.
func (s *Server) reportPage(c *fiber.Ctx) error {
	if _, err := s.filter(c); err != nil {
		return err
	}
	p := s.newPage(c, "report")
	d := reportPageData{Title: tr(p.Lang, "report_default_title")}
	for _, key := range ReportPages {
		d.Pages = append(d.Pages, option{key, tr(p.Lang, key), slices.Contains(MonthlyReport, key)})
	}
	for i, f := range reportFormats {
		d.Formats = append(d.Formats, option{f.value, f.label, i == 0})
	}
	p.Data = d
	return s.render(c, "report", p)
}

// reportDownload builds the report the form asks for: ?page=…&page=…
// (or page=a,b), optional chart=id,…, title, format, and the page filters.
// One file comes as itself; several (a PNG per chart) as one zip.
func (s *Server) reportDownload(c *fiber.Ctx) error {
	spec, format, err := reportSpecOf(c)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.UserContext()), reportTimeout)
	defer cancel()
	files, err := s.Export(ctx, auth.CurrentUser(c), spec, format)
	if err != nil {
		return err
	}
	return sendFiles(c, files, "report")
}

// chartDownload is one chart of a page as PNG (2×) or SVG, drawn on the
// server from the same option the page sends the browser, or that option
// itself as JSON:
// /export/chart?page=overview&chart=trend-funding&format=png&from=2019.
func (s *Server) chartDownload(c *fiber.Ctx) error {
	spec, format, err := reportSpecOf(c)
	if err != nil {
		return err
	}
	if format != "png" && format != "svg" && format != "json" {
		return &analytics.ParamError{Param: "format", Value: format, Msg: "want png, svg or json (the chart's option)"}
	}
	if len(spec.Pages) != 1 || len(spec.Charts) != 1 {
		return &analytics.ParamError{Param: "chart", Msg: "give one page and one chart id"}
	}
	files, err := s.Export(c.UserContext(), auth.CurrentUser(c), spec, format)
	if err != nil {
		return err
	}
	return sendFiles(c, files, spec.Charts[0])
}

// reportSpecOf reads a report request: the report's own parameters and
// the page filters, which collect checks.
func reportSpecOf(c *fiber.Ctx) (ReportSpec, string, error) {
	q, err := url.ParseQuery(string(c.Request().URI().QueryString()))
	if err != nil {
		return ReportSpec{}, "", &analytics.ParamError{Param: "query", Msg: err.Error()}
	}
	spec := ReportSpec{Title: strings.TrimSpace(q.Get("title")), Query: url.Values{}}
	for _, v := range q["page"] {
		spec.Pages = append(spec.Pages, splitComma(v)...)
	}
	for _, v := range q["chart"] {
		spec.Charts = append(spec.Charts, splitComma(v)...)
	}
	format := q.Get("format")
	if format == "" {
		format = "docx"
	}
	for k, vs := range q {
		switch k {
		case "page", "chart", "title", "format":
		default:
			spec.Query[k] = vs
		}
	}
	return spec, format, nil
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// sendFiles answers with one file as an attachment, or several in a zip.
func sendFiles(c *fiber.Ctx, files []ExportFile, name string) error {
	if len(files) == 0 {
		return fiber.NewError(fiber.StatusNotFound, "nothing to export under this filter")
	}
	if len(files) == 1 {
		f := files[0]
		c.Set(fiber.HeaderContentType, contentTypeOf(f.Name))
		c.Set(fiber.HeaderContentDisposition, attachment(f.Name))
		return c.Send(f.Data)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.Name)
		if err != nil {
			return fmt.Errorf("dashboard: zip: %w", err)
		}
		if _, err := w.Write(f.Data); err != nil {
			return fmt.Errorf("dashboard: zip: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("dashboard: zip: %w", err)
	}
	c.Set(fiber.HeaderContentType, "application/zip")
	c.Set(fiber.HeaderContentDisposition, attachment(name+".zip"))
	return c.Send(buf.Bytes())
}

func contentTypeOf(name string) string {
	switch name[strings.LastIndex(name, ".")+1:] {
	case "png":
		return "image/png"
	case "svg":
		return "image/svg+xml"
	case "csv":
		return "text/csv; charset=utf-8"
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case "docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "html":
		return "text/html; charset=utf-8"
	case "json":
		return "application/json"
	}
	return "application/octet-stream"
}
