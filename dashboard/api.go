package dashboard

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/analytics/index"
)

// filterParams are the query parameters every analytic accepts.
var filterParams = []string{"grain", "from", "to", "district", "city", "partner", "industry", "level", "kind", "sample", "lang"}

// params checks that a request uses only known parameters, so a typo
// (?distrcit=…) is an error rather than a silently unfiltered answer.
func params(c *fiber.Ctx, extra ...string) error {
	allowed := map[string]bool{}
	for _, p := range append(filterParams, extra...) {
		allowed[p] = true
	}
	var bad []string
	c.Context().QueryArgs().VisitAll(func(k, _ []byte) {
		if !allowed[string(k)] {
			bad = append(bad, string(k))
		}
	})
	if len(bad) > 0 {
		all := append(filterParams, extra...)
		sort.Strings(all)
		return &analytics.ParamError{Param: bad[0], Value: c.Query(bad[0]), Msg: "unknown parameter; allowed: " + strings.Join(all, ", ")}
	}
	return nil
}

func (s *Server) filter(c *fiber.Ctx, extra ...string) (analytics.Filter, error) {
	if err := params(c, extra...); err != nil {
		return analytics.Filter{}, err
	}
	if _, err := s.dataVersion(c); err != nil {
		return analytics.Filter{}, err
	}
	return analytics.ParseFilter(func(k string) string { return c.Query(k) }, s.an.Aliases)
}

func intParam(c *fiber.Ctx, name string, def, lo, hi int) (int, error) {
	v := c.Query(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, &analytics.ParamError{Param: name, Value: v, Msg: fmt.Sprintf("want a whole number from %d to %d", lo, hi)}
	}
	return n, nil
}

func (s *Server) apiMetrics(c *fiber.Ctx) error {
	f, err := s.filter(c, "format")
	if err != nil {
		return err
	}
	ms, err := s.an.Metrics(c.UserContext(), f)
	if err != nil {
		return err
	}
	return s.respond(c, f, "metrics", fiber.Map{"metrics": ms}, func(lang string) []sheet { return metricsSheets(ms, s.weights.Pillars, lang) })
}

func (s *Server) apiSeries(c *fiber.Ctx) error {
	f, err := s.filter(c, "metric", "format")
	if err != nil {
		return err
	}
	codes := strings.Split(c.Query("metric"), ",")
	if c.Query("metric") == "" {
		return &analytics.ParamError{Param: "metric", Msg: "required: one or more metric codes, comma-separated; see /api/v1/metrics"}
	}
	ss, err := s.an.Series(c.UserContext(), codes, f)
	if err != nil {
		return err
	}
	return s.respond(c, f, "series", seriesResponse{Filter: f, Series: ss}, func(lang string) []sheet { return seriesSheet(ss, lang) })
}

func (s *Server) apiBreakdown(c *fiber.Ctx) error {
	f, err := s.filter(c, "metric", "by", "top", "format")
	if err != nil {
		return err
	}
	top, err := intParam(c, "top", 10, 0, 1000)
	if err != nil {
		return err
	}
	b, err := s.an.Breakdown(c.UserContext(), c.Query("metric"), c.Query("by", "district"), top, f)
	if err != nil {
		return err
	}
	return s.respond(c, f, "breakdown-"+b.Metric.Code, b, func(lang string) []sheet { return breakdownSheet(b, lang) })
}

func (s *Server) apiNetwork(c *fiber.Ctx) error {
	f, err := s.filter(c, "max_nodes", "format")
	if err != nil {
		return err
	}
	n, err := intParam(c, "max_nodes", 60, 1, 1000)
	if err != nil {
		return err
	}
	net, err := s.an.Network(c.UserContext(), f, n)
	if err != nil {
		return err
	}
	return s.respond(c, f, "network", net, func(lang string) []sheet { return networkSheet(net, lang) })
}

func (s *Server) apiFlows(c *fiber.Ctx) error {
	f, err := s.filter(c, "top", "format")
	if err != nil {
		return err
	}
	top, err := intParam(c, "top", 12, 1, 200)
	if err != nil {
		return err
	}
	fl, err := s.an.Flows(c.UserContext(), f, top)
	if err != nil {
		return err
	}
	return s.respond(c, f, "flows", fl, func(lang string) []sheet { return flowsSheet(fl, lang) })
}

func (s *Server) apiTargets(c *fiber.Ctx) error {
	f, err := s.filter(c, "year", "format")
	if err != nil {
		return err
	}
	y, err := intParam(c, "year", 0, 0, 2100)
	if err != nil {
		return err
	}
	t, err := s.an.Targets(c.UserContext(), y, f)
	if err != nil {
		return err
	}
	return s.respond(c, f, "targets", fiber.Map{"targets": t}, func(lang string) []sheet { return targetsSheets(t, lang) })
}

// indexConfig applies the draws and seed parameters to the weights file's config.
func (s *Server) indexConfig(c *fiber.Ctx) (index.Config, error) {
	cfg := s.weights
	draws, err := intParam(c, "draws", cfg.Draws, 0, 20000)
	if err != nil {
		return cfg, err
	}
	seed, err := intParam(c, "seed", int(cfg.Seed), 0, 1<<31)
	if err != nil {
		return cfg, err
	}
	cfg.Draws, cfg.Seed = draws, uint64(seed)
	return cfg, nil
}

func (s *Server) apiIndex(c *fiber.Ctx) error {
	f, err := s.filter(c, "draws", "seed", "format", "table")
	if err != nil {
		return err
	}
	table, err := indexTable(c.Query("table"))
	if err != nil {
		return err
	}
	cfg, err := s.indexConfig(c)
	if err != nil {
		return err
	}
	rep, err := s.an.Index(c.UserContext(), f, cfg, time.Now())
	if err != nil {
		return err
	}
	return s.respond(c, f, "index-"+c.Query("table", "years"), rep, func(lang string) []sheet { return table(rep, lang) })
}

func (s *Server) apiOverview(c *fiber.Ctx) error {
	f, err := s.filter(c, "format")
	if err != nil {
		return err
	}
	o, err := s.overview(c, f)
	if err != nil {
		return err
	}
	return s.respond(c, f, "overview", o, func(lang string) []sheet { return overviewSheets(o, lang) })
}
