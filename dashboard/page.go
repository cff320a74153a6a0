package dashboard

import (
	"html/template"
	"net/url"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/assets"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/vocab"
)

// navItem is one entry of the top navigation.
type navItem struct {
	Key, Path, Label string
	Active           bool
}

// page is what every template receives.
type page struct {
	Lang   string
	Title  string
	Nav    []navItem
	Query  string // the current filter as a query string, kept across pages
	Form   map[string]string
	Grains []option
	Places []option
	Levels []option
	Charts []charts.Chart
	Sample bool
	Notice string
	User   string
	Role   string
	Kiosk  bool // the anonymous wall screen: no export or drill-down links
	CSRF   string
	Assets string
	Maps   []string
	Data   any // page-specific content
	T      func(string) string
	Num    func(float64, string) string
	Pct    func(*float64) string

	// SampleSwitch offers the 含示例数据 switch: real and sample loads both
	// exist, so sample data are hidden unless asked for. Sample (above) is
	// set when sample rows are shown: the 示例数据 banner and badges.
	SampleSwitch bool
	// NoFilters hides the filter form where it does not apply (the SQL
	// console has its own query; the users and tokens pages have none).
	NoFilters bool
}

type option struct {
	Value, Label string
	Selected     bool
}

var navKeys = []struct{ key, path string }{
	{"overview", "/"}, {"platforms", "/platforms"}, {"projects", "/projects"}, {"network", "/network"},
	{"carriers", "/carriers"}, {"map", "/map"}, {"index", "/index"}, {"report", "/report"}, {"data", "/data"}, {"console", "/console"}, {"users", "/users"},
}

// newPage fills what every page shows: navigation, filter form, language.
func (s *Server) newPage(c *fiber.Ctx, key string) *page {
	lang := s.lang(c)
	p := &page{Lang: lang, Title: tr(lang, key), Assets: assets.Prefix(), Form: map[string]string{},
		T:   func(k string) string { return tr(lang, k) },
		Num: func(v float64, unit string) string { return vocab.FormatNumber(v, unit, lang) },
		Pct: vocab.FormatChange,
	}
	q := url.Values{}
	for _, k := range filterParams {
		if v := c.Query(k); v != "" && k != "lang" {
			p.Form[k] = v
			q.Set(k, v)
		}
	}
	p.Query = q.Encode()
	u := auth.CurrentUser(c)
	for _, n := range navKeys {
		if (n.key == "data" || n.key == "console" || n.key == "report") && (u == nil || !u.Role.Allows(auth.Analyst)) || n.key == "users" && (u == nil || !u.Role.Allows(auth.Admin)) {
			continue // they would only meet a 403 there
		}
		p.Nav = append(p.Nav, navItem{Key: n.key, Path: n.path, Label: tr(lang, n.key), Active: n.key == key})
	}
	for _, g := range analytics.Grains {
		p.Grains = append(p.Grains, option{g, tr(lang, g), p.grain() == g})
	}
	p.Places = placeOptions(p.Form["district"], lang)
	for _, l := range vocab.Levels() {
		p.Levels = append(p.Levels, option{l.Code, l.Name(lang), p.Form["level"] == l.Code})
	}
	s.fillUser(c, p)
	return p
}

// QueryURL is the filter for links to other pages. Typed as a URL, the
// template keeps its = and & (as a plain string after "?" they were
// escaped to %3d, and the next page refused the unknown parameter).
func (p *page) QueryURL() template.URL { return template.URL(p.Query) } // built by url.Values.Encode

func (p *page) grain() string {
	if g := p.Form["grain"]; g != "" {
		return g
	}
	return "year"
}

// placeOptions lists Zibo's and Jinan's districts and the two cities.
func placeOptions(selected, lang string) []option {
	var out []option
	for _, pl := range vocab.Places() {
		if !vocab.InCorridor(pl) || pl.Level == vocab.LevelZone {
			continue
		}
		out = append(out, option{pl.Code, pl.Name, selected == pl.Code || selected == pl.Name})
	}
	return out
}

// addChart appends a chart, marking sample data and the export URL.
func (p *page) addChart(c charts.Chart, err error, dataURL ...string) error {
	if err != nil {
		return err
	}
	c.Sample = p.Sample
	if p.Sample { // exported images say it too
		if c, err = charts.MarkSample(c, sampleMark(p.Lang)); err != nil {
			return err
		}
	}
	c.EmptyText = tr(p.Lang, "empty")
	c.SampleText = tr(p.Lang, "sample_badge")
	if len(dataURL) > 0 {
		c.DataURL = dataURL[0]
	}
	if p.Kiosk { // both would only meet a login
		c.DataURL, c.Drill = "", ""
	}
	p.Charts = append(p.Charts, c)
	for _, m := range c.Maps {
		p.Maps = append(p.Maps, m)
	}
	return nil
}

// apiURL builds an /api/v1 URL for a chart's data with the page's filter.
func (p *page) apiURL(path string, extra url.Values) string {
	q, _ := url.ParseQuery(p.Query)
	for k, vs := range extra {
		q[k] = vs
	}
	return "/api/v1/" + path + "?" + q.Encode()
}
