package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/dashboard/auth"
)

// exportFilters are the page URL filters export takes as options, by the
// same names as the dashboard's URLs (?from=2019&district=370302).
var exportFilters = []struct{ name, usage string }{
	{"from", "first period, as in the page URL: 2019, 2019-Q1, 2019-03"},
	{"to", "last period, same forms as --from"},
	{"district", "district or county: code (370302) or name (淄川区)"},
	{"city", "city: 济南 or 淄博"},
	{"partner", "Jinan partner institution"},
	{"industry", "industry"},
	{"level", "platform level: national, provincial, municipal (or 国家级 …)"},
	{"kind", "kind of platform or project"},
	{"grain", "time grain: year, quarter or month"},
	{"sample", "include to show sample data beside real data"},
	{"metric", "the map page's metric (default platforms_cum)"},
}

// exportCmd writes a page's charts and tables, or a report of several
// pages, to files: what the dashboard's report page downloads, for scripts
// (the monthly report: --page monthly --format docx).
func exportCmd(fs *flagSet) func(ctx context.Context) error {
	return exportCommand(fs, os.Stdout)
}

// exportCommand is exportCmd with its output as a parameter (tests).
func exportCommand(fs *flagSet, out io.Writer) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	pages := fs.String("page", "overview", "pages, comma-separated: "+strings.Join(dashboard.ReportPages, ", ")+"; monthly = "+strings.Join(dashboard.MonthlyReport, ","))
	chartIDs := fs.String("chart", "", "only these charts (their ids, comma-separated, as in the page's #card-<id>)")
	format := fs.String("format", "docx", "png, svg, csv or json (one file per chart; json: the ECharts option), xlsx, docx or html (one report)")
	title := fs.String("title", "", "the report's title (default: the monthly report's)")
	lang := fs.String("lang", "zh-CN", "language of titles, headers and notes: zh-CN or en")
	dir := fs.String("out", ".", "folder to write the files into (created if missing)")
	filters := map[string]*string{}
	for _, f := range exportFilters {
		filters[f.name] = fs.String(f.name, "", f.usage)
	}
	return func(ctx context.Context) error {
		if err := c.Validate(); err != nil {
			return err
		}
		spec := dashboard.ReportSpec{Title: *title, Query: url.Values{}}
		for _, p := range strings.Split(*pages, ",") {
			switch p = strings.TrimSpace(p); p {
			case "":
			case "monthly":
				spec.Pages = append(spec.Pages, dashboard.MonthlyReport...)
			default:
				spec.Pages = append(spec.Pages, p)
			}
		}
		for _, id := range strings.Split(*chartIDs, ",") {
			if id = strings.TrimSpace(id); id != "" {
				spec.Charts = append(spec.Charts, id)
			}
		}
		if *lang != "zh-CN" && *lang != "en" {
			return usageError{fmt.Sprintf("--lang %q: want zh-CN or en", *lang)}
		}
		spec.Query.Set("lang", *lang)
		for name, v := range filters {
			if *v != "" {
				spec.Query.Set(name, *v)
			}
		}
		if err := checkExportArgs(spec, *format); err != nil {
			return err
		}
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			return fmt.Errorf("--out: %w", err)
		}
		s, err := openStore(ctx, &c, true)
		if err != nil {
			return err
		}
		defer s.close()
		reader, err := openWebReader(ctx, s, &c)
		if err != nil {
			return err
		}
		defer reader.Close()
		srv, err := dashboard.New(dashboard.Deps{Conn: s.conn, Reader: reader, Database: s.database, Engine: "external", Log: s.log})
		if err != nil {
			return err
		}
		defer srv.Close()
		// The command line reads what an analyst may: the same pages and tables.
		files, err := srv.Export(ctx, &auth.User{Name: osUser(), Role: auth.Analyst, Lang: *lang}, spec, *format)
		var pe *analytics.ParamError
		if errors.As(err, &pe) {
			return usageError{exportParamMessage(pe)}
		}
		if err != nil {
			return err
		}
		if len(files) == 0 {
			return exitError{exitFailure, errors.New("nothing to export under this filter (every chart is empty)")}
		}
		for _, f := range files {
			path := filepath.Join(*dir, f.Name)
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				return fmt.Errorf("write %s: %w", path, err)
			}
			fmt.Fprintf(out, "%s\t%d bytes\n", path, len(f.Data))
		}
		return nil
	}
}

// checkExportArgs refuses an unknown page or format before the engine starts.
func checkExportArgs(spec dashboard.ReportSpec, format string) error {
	ok := false
	for _, f := range dashboard.ExportFormats {
		ok = ok || f == format
	}
	if !ok {
		return usageError{fmt.Sprintf("--format %q: want one of %s", format, strings.Join(dashboard.ExportFormats, ", "))}
	}
	if len(spec.Pages) == 0 {
		return usageError{"--page: give at least one page: " + strings.Join(dashboard.ReportPages, ", ") + " or monthly"}
	}
	for _, p := range spec.Pages {
		known := false
		for _, k := range dashboard.ReportPages {
			known = known || k == p
		}
		if !known {
			return usageError{fmt.Sprintf("--page %q: unknown page; want %s or monthly", p, strings.Join(dashboard.ReportPages, ", "))}
		}
	}
	return nil
}

// exportParamMessage names the option behind a refused parameter.
func exportParamMessage(pe *analytics.ParamError) string {
	return "--" + pe.Param + ": " + pe.Error()
}
