package dashboard

import (
	"bytes"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/dashboard/i18n"
)

// DefaultKioskRotate is how long the wall shows one scene before the next.
const DefaultKioskRotate = 30 * time.Second

// wallScene is one screen of the wall's rotation: the corridor map by one
// measure and the breakdown beside it.
type wallScene struct {
	key     string // i18n key of its name
	measure string // the flow map's measure
	metric  string // the breakdown's metric
	by      string // and its dimension
}

// wallScenes rotate on the wall, in this order.
var wallScenes = []wallScene{
	{"wall_scene_platforms", charts.MeasurePlatforms, "platforms_cum", "district"},
	{"wall_scene_projects", charts.MeasureProjects, "projects_cum", "industry"},
	{"wall_scene_funding", charts.MeasureFunding, "funding_fiscal", "district"},
}

// wallData is what the wall template shows beside the charts.
type wallData struct {
	KPIs      []wallKPI
	Scene     string // the scene's name
	SceneNo   int    // 1-based, for the dots
	Scenes    []bool // one per scene, true for this one
	Next      string // the next scene's URL
	RotateSec int    // seconds before Next; 0: no rotation
	Version   string // the data version the page was drawn from
	Drawn     string // when it was drawn, local time
	Side      []charts.Chart
	Centre    charts.Chart
}

// wallKPI is one ticker: name, value formatted for the reader with its
// unit, the period and the change on the year before.
type wallKPI struct {
	Name, Value, Period, YoY string
	Down                     bool
}

// Width is the value's width in half-width characters (a Chinese one
// counts two): a long value (English money, "123.68 m yuan") is set
// smaller so it fits its ticker.
func (k wallKPI) Width() int {
	w := 0
	for _, r := range k.Value {
		w++
		if r >= 0x2E80 {
			w++
		}
	}
	return w
}

// homePage is / : the wall in kiosk mode, the overview for everyone else.
func (s *Server) homePage(c *fiber.Ctx) error {
	if u := auth.CurrentUser(c); u != nil && u.Kiosk {
		return s.wallPage(c)
	}
	return s.overviewPage(c)
}

// wallPage is the big screen (数据大屏): headline tickers, the corridor map
// in the centre, four charts beside it, on a dark 16:9 page that fills the
// screen; it moves to the next scene after the rotation interval and
// reloads when the data change (wall.js polls /wall/version).
func (s *Server) wallPage(c *fiber.Ctx) error {
	f, err := s.filter(c, "scene")
	if err != nil {
		return err
	}
	n, err := intParam(c, "scene", 0, 0, len(wallScenes)-1)
	if err != nil {
		return err
	}
	sc := wallScenes[n]
	p := s.newPage(c, "wall")
	p.Nav = nil
	v, err := s.dataVersion(c)
	if err != nil {
		return err
	}
	o, err := s.overview(c, f)
	if err != nil {
		return err
	}
	p.setSamples(o.Samples)
	d := wallData{Scene: tr(p.Lang, sc.key), SceneNo: n + 1, Version: v, Drawn: time.Now().Format("2006-01-02 15:04"),
		RotateSec: int(s.rotate().Seconds())}
	for i := range wallScenes {
		d.Scenes = append(d.Scenes, i == n)
	}
	next := url.Values{}
	for k, val := range p.Form {
		next.Set(k, val)
	}
	next.Set("scene", strconv.Itoa((n+1)%len(wallScenes)))
	d.Next = "/wall?" + next.Encode()
	d.KPIs = wallKPIs(o, p)
	cor, err := s.an.Corridor(c.UserContext(), f)
	if err != nil {
		return err
	}
	name, _ := charts.MeasureName(sc.measure, p.Lang)
	centre, err := charts.FlowMap("wall-map", fmt.Sprintf(tr(p.Lang, "wall_map_title"), name), cor, sc.measure, charts.FlowStyle{Wall: true}, p.Lang)
	if err := p.addChart(centre, err); err != nil {
		return err
	}
	if err := s.wallSide(c, p, o, sc, f); err != nil {
		return err
	}
	d.Centre, d.Side = p.Charts[0], p.Charts[1:]
	p.Data = d
	return s.renderWall(c, p)
}

// wallSide adds the four side charts: the cumulative platforms and
// projects, the scene's breakdown, fiscal funding, and the index (or the
// technology contracts where the index cannot be computed).
func (s *Server) wallSide(c *fiber.Ctx, p *page, o *analytics.Overview, sc wallScene, f analytics.Filter) error {
	byCode := map[string]analytics.Series{}
	for _, sr := range o.Trends {
		byCode[sr.Metric.Code] = sr
	}
	trend := func(id, key string, codes ...string) error {
		var ss []analytics.Series
		for _, code := range codes {
			ss = append(ss, byCode[code])
		}
		ch, err := charts.Trend(id, tr(p.Lang, key), ss, p.Lang)
		return p.addChart(ch, err)
	}
	if err := trend("wall-trend", "trend_ties", "platforms_cum", "projects_cum"); err != nil {
		return err
	}
	b, err := s.an.Breakdown(c.UserContext(), sc.metric, sc.by, 8, f)
	if err != nil {
		return err
	}
	ch, err := charts.Breakdown("wall-breakdown", i18n.Pick(p.Lang, b.Metric.NameZH, b.Metric.NameEN)+tr(p.Lang, "wall_by_"+sc.by), b, p.Lang)
	if err := p.addChart(ch, err); err != nil {
		return err
	}
	if err := trend("wall-funding", "trend_funding", "funding_fiscal"); err != nil {
		return err
	}
	if o.Index != nil && len(o.Index.Result.Periods) > 0 && !math.IsNaN(o.Index.Result.Headline[len(o.Index.Result.Periods)-1]) {
		ch, err := charts.IndexBand("wall-index", tr(p.Lang, "index_latest"), o.Index.Result, p.Lang)
		return p.addChart(ch, err)
	}
	return trend("wall-contracts", "trend_contracts", "contracts_value")
}

// wallKPIs are the overview's headline numbers as tickers, and the index.
func wallKPIs(o *analytics.Overview, p *page) []wallKPI {
	var out []wallKPI
	for _, k := range o.KPIs {
		w := wallKPI{Name: i18n.Pick(p.Lang, k.NameZH, k.NameEN), Value: p.Num(k.Value, k.Unit), Period: k.Period}
		if k.Approx {
			w.Value = "≥" + w.Value
		}
		if k.YoY != nil {
			w.YoY, w.Down = p.Pct(k.YoY), *k.YoY < 0
		}
		out = append(out, w)
	}
	if o.Index != nil && len(o.Index.Result.Periods) > 0 {
		r := o.Index.Result
		last := len(r.Periods) - 1
		if v := r.Headline[last]; !math.IsNaN(v) {
			out = append(out, wallKPI{Name: tr(p.Lang, "index_latest"), Value: fmt.Sprintf("%.1f", v), Period: r.Periods[last]})
		}
	}
	return out
}

// wallVersion answers the wall's poll with the data version, so it
// reloads when a load commits or is withdrawn. It is all the wall reads
// besides its page.
func (s *Server) wallVersion(c *fiber.Ctx) error {
	v, err := s.dataVersion(c)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"version": v})
}

// rotate is the wall's rotation interval.
func (s *Server) rotate() time.Duration {
	if s.deps.KioskRotate != 0 {
		return max(s.deps.KioskRotate, 0)
	}
	return DefaultKioskRotate
}

// renderWall renders the wall: a document of its own, not the layout.
func (s *Server) renderWall(c *fiber.Ctx, p *page) error {
	t, ok := s.tpl.pages["wall"]
	if !ok {
		return fmt.Errorf("dashboard: no template %q", "wall")
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "wall.html", p); err != nil {
		return fmt.Errorf("dashboard: render wall: %w", err)
	}
	c.Type("html", "utf-8")
	return c.Send(buf.Bytes())
}
