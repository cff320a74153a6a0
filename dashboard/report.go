package dashboard

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/vocab"
)

// MonthlyReport is the bureau's monthly report: its pages in order.
var MonthlyReport = []string{"overview", "index", "platforms", "projects"}

// ReportPages are the pages a report or an export may take charts from.
var ReportPages = []string{"overview", "index", "platforms", "projects", "network", "carriers", "map"} // the monthly report's first, in its order

// ReportSpec is what a report holds: pages (their charts, and each chart's
// table), optionally only some charts by id, a title, and the filter as
// the page URL has it (from, to, district, … and lang).
type ReportSpec struct {
	Pages  []string
	Charts []string // chart ids; empty: every chart of the pages
	Title  string
	Query  url.Values
}

// reportChart is one chart of a report with the table it draws.
type reportChart struct {
	Page   string
	Chart  charts.Chart
	Kind   string  // the first series' type: line, bar, sankey, graph, map, radar …
	Tables []sheet // the chart's data, as its CSV/XLSX link downloads it
}

// report is a report's content, collected under one user and one filter.
type report struct {
	Title     string
	Lang      string
	Period    string   // 2019年—2025年
	Filters   []string // 区县：张店区 …, in the reader's language
	Sample    bool     // sample data shown: every output says 示例数据
	Charts    []reportChart
	Tables    []sheet     // page tables beside the charts (the overview's key figures and targets)
	Method    *index.Note // the index method note, when the index is included
	Generated time.Time
}

// pageHandlers are the page handlers by page key (the path of each page
// but the overview, which is /), without the page cache: the server
// registers them and reports run them.
func (s *Server) pageHandlers() map[string]fiber.Handler {
	return map[string]fiber.Handler{
		"overview": s.overviewPage, "platforms": s.platformsPage(), "projects": s.projectsPage(),
		"network": s.networkPage(), "carriers": s.carriersPage(), "map": s.mapPage, "index": s.indexPage,
	}
}

// apiHandlers are the read routes of the API (/api/v1/<name>): the server
// registers them and a report answers a chart's data URL with them.
func (s *Server) apiHandlers() map[string]fiber.Handler {
	return map[string]fiber.Handler{
		"series": s.apiSeries, "breakdown": s.apiBreakdown, "network": s.apiNetwork, "flows": s.apiFlows,
		"targets": s.apiTargets, "index": s.apiIndex, "overview": s.apiOverview, "metrics": s.apiMetrics,
		"corridor": s.apiCorridor, // the corridor map's flows (mapflow.go)
	}
}

// reportFilterParams are the page filters a report passes on.
var reportFilterParams = []string{"grain", "from", "to", "district", "city", "partner", "industry", "level", "kind", "sample", "lang", "metric"}

// collect runs each page of spec as user and gathers its charts and tables.
// A page or chart id that does not exist, or a bad filter, is an error
// naming it (a ParamError: 400 on the web, exit 2 on the command line).
func (s *Server) collect(ctx context.Context, user *auth.User, spec ReportSpec) (*report, error) {
	if len(spec.Pages) == 0 {
		return nil, &analytics.ParamError{Param: "page", Msg: "choose at least one page: " + strings.Join(ReportPages, ", ")}
	}
	pages := s.pageHandlers()
	q := url.Values{}
	for k, vs := range spec.Query {
		if !slices.Contains(reportFilterParams, k) {
			return nil, &analytics.ParamError{Param: k, Value: strings.Join(vs, ","), Msg: "unknown filter; allowed: " + strings.Join(reportFilterParams, ", ")}
		}
		for _, v := range vs {
			if v != "" {
				q.Add(k, v)
			}
		}
	}
	lang := q.Get("lang")
	if lang == "" && user != nil && user.Lang == "en" {
		lang = "en"
	}
	if lang != "en" {
		lang = "zh-CN"
	}
	q.Set("lang", lang)
	r := &report{Title: spec.Title, Lang: lang, Generated: time.Now()}
	seen, seenOption := map[string]bool{}, map[string]bool{}
	for _, key := range spec.Pages {
		h, ok := pages[key]
		if !ok {
			return nil, &analytics.ParamError{Param: "page", Value: key, Msg: "unknown page; want one of " + strings.Join(ReportPages, ", ")}
		}
		pq := q
		if key != "map" && q.Has("metric") {
			pq = cloneValues(q)
			pq.Del("metric")
		}
		cp, err := s.runInternal(ctx, user, "/"+key+"?"+pq.Encode(), h)
		if err != nil {
			return nil, err
		}
		if cp.page == nil {
			return nil, fmt.Errorf("dashboard: report: page %s drew nothing", key)
		}
		p := cp.page
		r.Sample = r.Sample || p.Sample
		if d, ok := p.Data.(indexData); ok && d.Report != nil {
			m := d.Method
			r.Method = &m
		}
		for _, ch := range p.Charts {
			if len(spec.Charts) > 0 && !slices.Contains(spec.Charts, ch.ID) || seen[ch.ID] {
				continue
			}
			seen[ch.ID] = true
			if seenOption[ch.Option] && !ch.Empty { // the overview's index chart is the index page's first
				continue
			}
			seenOption[ch.Option] = true
			rc := reportChart{Page: key, Chart: ch, Kind: chartKind(ch.Option)}
			if ch.DataURL != "" && !ch.Empty {
				if rc.Tables, err = s.chartTables(ctx, user, ch.DataURL); err != nil {
					return nil, err
				}
				for i := range rc.Tables { // a caption names the chart, not only the column (数值)
					rc.Tables[i].Title = ch.Title + i18n.T(lang, "sep_colon") + rc.Tables[i].Title
				}
			}
			r.Charts = append(r.Charts, rc)
		}
		if key == "overview" && len(spec.Charts) == 0 {
			cp, err := s.runInternal(ctx, user, "/api/v1/overview?"+withFormat(pq), s.apiOverview)
			if err != nil {
				return nil, err
			}
			r.Tables = append(r.Tables, cp.sheets...)
		}
	}
	for _, id := range spec.Charts {
		if !seen[id] {
			return nil, &analytics.ParamError{Param: "chart", Value: id, Msg: "no such chart on the pages " + strings.Join(spec.Pages, ", ")}
		}
	}
	if r.Title == "" {
		r.Title = tr(lang, "report_default_title")
	}
	r.Period, r.Filters = describeFilter(q, lang)
	return r, nil
}

// chartTables runs the API handler behind a chart's data URL for its tables.
func (s *Server) chartTables(ctx context.Context, user *auth.User, dataURL string) ([]sheet, error) {
	u, err := url.Parse(dataURL)
	if err != nil {
		return nil, fmt.Errorf("dashboard: report: data URL %q: %w", dataURL, err)
	}
	h, ok := s.apiHandlers()[strings.TrimPrefix(u.Path, "/api/v1/")]
	if !ok {
		return nil, fmt.Errorf("dashboard: report: no handler for %s", u.Path)
	}
	cp, err := s.runInternal(ctx, user, u.Path+"?"+withFormat(u.Query()), h)
	if err != nil {
		return nil, err
	}
	return cp.sheets, nil
}

func withFormat(q url.Values) string {
	q = cloneValues(q)
	q.Set("format", "xlsx")
	return q.Encode()
}

func cloneValues(q url.Values) url.Values {
	out := url.Values{}
	for k, vs := range q {
		out[k] = slices.Clone(vs)
	}
	return out
}

// chartKind is the type of an option's first series ("map" for a map).
func chartKind(option string) string {
	var obj struct {
		Series []struct {
			Type string `json:"type"`
		} `json:"series"`
	}
	if json.Unmarshal([]byte(option), &obj) != nil || len(obj.Series) == 0 {
		return ""
	}
	return obj.Series[0].Type
}

// describeFilter says the period and the other filters in words.
func describeFilter(q url.Values, lang string) (string, []string) {
	from, to := q.Get("from"), q.Get("to")
	period := tr(lang, "report_all_years")
	switch {
	case from != "" && to != "":
		period = vocab.PeriodLabel(from, lang) + " — " + vocab.PeriodLabel(to, lang)
	case from != "":
		period = vocab.PeriodLabel(from, lang) + " — "
	case to != "":
		period = " — " + vocab.PeriodLabel(to, lang)
	}
	var out []string
	for _, k := range []string{"district", "city", "partner", "industry", "level", "kind", "grain"} {
		v := q.Get(k)
		if v == "" {
			continue
		}
		if k == "district" || k == "city" {
			if pl, ok := vocab.LookupPlace(v); ok {
				v = pl.Name
			}
		}
		if k == "level" {
			for _, l := range vocab.Levels() {
				if l.Code == v {
					v = l.Name(lang)
				}
			}
		}
		out = append(out, tr(lang, "report_f_"+k)+v)
	}
	if q.Get("sample") == "include" {
		out = append(out, tr(lang, "sample_incl"))
	}
	return period, out
}

// caption is a chart's caption: its title, then its unit and source note,
// the report's period and the date it was made, and 示例数据 when it is.
func (r *report) caption(i int, ch reportChart) string {
	parts := []string{fmt.Sprintf("%s %d  %s", tr(r.Lang, "report_figure"), i+1, ch.Chart.Title)}
	tail := []string{}
	if ch.Chart.Note != "" {
		tail = append(tail, ch.Chart.Note)
	} else {
		tail = append(tail, tr(r.Lang, "source"))
	}
	tail = append(tail, tr(r.Lang, "report_period")+r.Period, tr(r.Lang, "report_made")+r.Generated.In(cst).Format("2006-01-02"))
	if notice := i18n.T(r.Lang, "map_notice"); ch.Kind == "map" && !strings.Contains(ch.Chart.Note, notice) {
		tail = append(tail, notice)
	}
	if r.Sample {
		tail = append(tail, sampleMark(r.Lang))
	}
	sep := "；"
	if r.Lang == "en" {
		sep = "; "
	}
	return parts[0] + "\n" + strings.Join(tail, sep)
}
