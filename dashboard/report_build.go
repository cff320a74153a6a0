package dashboard

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/dashboard/render"
)

// ExportFormats are what an export or a report can be written as: per chart
// png, svg, csv and json (the ECharts option its images are drawn from);
// the whole report as xlsx, docx or html.
var ExportFormats = []string{"png", "svg", "csv", "json", "xlsx", "docx", "html"}

// printScale is the PNG scale of a chart in the Word report: an 800 px
// chart drawn 16 cm wide at 2.5× is 2000 px, about 320 dpi.
const printScale = 2.5

// chartImage is one chart of a report drawn: SVG always, PNG for Word.
type chartImage struct {
	SVG  string
	PNG  []byte
	Size render.Size
}

// chartExport is a chart as format json exports it: what its images show.
type chartExport struct {
	Page   string          `json:"page"`
	ID     string          `json:"id"`
	Title  string          `json:"title"`
	Note   string          `json:"note,omitempty"`
	Kind   string          `json:"kind"`
	Sample bool            `json:"sample"`
	Option json.RawMessage `json:"option"`
}

// ExportFile is one file of an export: its name and content.
type ExportFile struct {
	Name string
	Data []byte
}

// Export builds spec as format for user: one file per chart for png and
// svg, one per chart table for csv, one report for xlsx, docx and html.
// The pages run under user's role and spec's filter exactly as the web
// pages do; an unknown page, chart, format or filter is a ParamError.
func (s *Server) Export(ctx context.Context, user *auth.User, spec ReportSpec, format string) ([]ExportFile, error) {
	if !slices.Contains(ExportFormats, format) {
		return nil, &analytics.ParamError{Param: "format", Value: format, Msg: "want one of " + strings.Join(ExportFormats, ", ")}
	}
	r, err := s.collect(ctx, user, spec)
	if err != nil {
		return nil, err
	}
	base := reportBase(r, spec)
	switch format {
	case "csv":
		var out []ExportFile
		if len(r.Tables) > 0 {
			b, err := csvOf(r.Tables, r.Sample)
			if err != nil {
				return nil, fmt.Errorf("dashboard: export csv: %w", err)
			}
			out = append(out, ExportFile{"overview-tables.csv", b})
		}
		for _, ch := range r.Charts {
			if len(ch.Tables) == 0 {
				continue
			}
			b, err := csvOf(ch.Tables, r.Sample)
			if err != nil {
				return nil, fmt.Errorf("dashboard: export csv: %w", err)
			}
			out = append(out, ExportFile{ch.Page + "-" + ch.Chart.ID + ".csv", b})
		}
		return out, nil
	case "svg", "png":
		var out []ExportFile
		for _, ch := range r.Charts {
			if ch.Chart.Empty {
				continue
			}
			var b []byte
			if format == "svg" {
				svg, _, err := s.images.svg(ctx, ch.Chart, r.Sample, r.Lang)
				if err != nil {
					return nil, err
				}
				b = []byte(svg)
			} else if b, _, err = s.images.png(ctx, ch.Chart, r.Sample, r.Lang, 2); err != nil {
				return nil, err
			}
			out = append(out, ExportFile{ch.Page + "-" + ch.Chart.ID + "." + format, b})
		}
		return out, nil
	case "json":
		var out []ExportFile
		for _, ch := range r.Charts {
			if ch.Chart.Empty {
				continue
			}
			opt, err := exportOption(ch.Chart.Option)
			if err != nil {
				return nil, err
			}
			b, err := json.Marshal(chartExport{Page: ch.Page, ID: ch.Chart.ID, Title: ch.Chart.Title, Note: ch.Chart.Note, Kind: ch.Kind, Sample: r.Sample, Option: json.RawMessage(opt)})
			if err != nil {
				return nil, fmt.Errorf("dashboard: export json: %w", err)
			}
			out = append(out, ExportFile{ch.Page + "-" + ch.Chart.ID + ".json", b})
		}
		return out, nil
	case "xlsx":
		b, err := workbookOf(r)
		return []ExportFile{{base + ".xlsx", b}}, err
	}
	imgs, err := s.reportImages(ctx, r, format == "docx")
	if err != nil {
		return nil, err
	}
	var b []byte
	if format == "docx" {
		b, err = docxOf(r, imgs)
	} else {
		b, err = htmlOf(r, imgs)
	}
	return []ExportFile{{base + "." + format, b}}, err
}

// reportImages draws each chart of r as SVG, and as PNG at print
// resolution when png is set. A chart with nothing to draw has no image.
func (s *Server) reportImages(ctx context.Context, r *report, png bool) ([]chartImage, error) {
	out := make([]chartImage, len(r.Charts))
	for i, ch := range r.Charts {
		if ch.Chart.Empty || ch.Chart.Option == "" {
			continue
		}
		svg, size, err := s.images.svg(ctx, ch.Chart, r.Sample, r.Lang)
		if err != nil {
			return nil, err
		}
		out[i] = chartImage{SVG: svg, Size: size}
		if png {
			if out[i].PNG, err = s.images.raster.PNG(ctx, svg, size, printScale); err != nil {
				return nil, fmt.Errorf("dashboard: chart %s: %w", ch.Chart.ID, err)
			}
		}
	}
	return out, nil
}

// reportBase names a report's file: report-overview-index-2019-2025.
func reportBase(r *report, spec ReportSpec) string {
	name := "report-" + strings.Join(spec.Pages, "-")
	if slices.Equal(spec.Pages, MonthlyReport) {
		name = "monthly-report"
	}
	if from, to := spec.Query.Get("from"), spec.Query.Get("to"); from != "" || to != "" {
		name += "-" + from + "-" + to
	}
	if d := spec.Query.Get("district"); d != "" {
		name += "-" + d
	}
	return strings.Map(func(c rune) rune {
		if strings.ContainsRune(`/\:*?"<>| `, c) {
			return '_'
		}
		return c
	}, name)
}

// Close stops what the server started beside its routes (the browser
// that draws PNG exports).
func (s *Server) Close() { s.images.close() }
