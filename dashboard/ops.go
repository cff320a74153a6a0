package dashboard

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/dashboard/auth"
	chsql "github.com/zibo-kj/corridor/sql"
)

// metricsHandler serves /metrics in the Prometheus text format. It is open
// to a scraper on the same machine (a loopback peer that came through no
// proxy) and to a signed-in administrator; everyone else gets 404, so the
// endpoint does not advertise itself. A reverse proxy on the same machine
// must add X-Forwarded-For (nginx: proxy_set_header X-Forwarded-For
// $proxy_add_x_forwarded_for), or the world would look local.
func (s *Server) metricsHandler(c *fiber.Ctx) error {
	if !localScraper(c) {
		if u := auth.CurrentUser(c); u == nil || !u.Role.Allows(auth.Admin) {
			return fiber.ErrNotFound
		}
	}
	restarts := -1
	if s.deps.Restarts != nil {
		restarts = s.deps.Restarts()
	}
	var b bytes.Buffer
	s.metrics.write(&b, restarts)
	c.Set(fiber.HeaderContentType, "text/plain; version=0.0.4; charset=utf-8")
	return c.Send(b.Bytes())
}

// localScraper: the TCP peer is a loopback address and no proxy header
// says the request came from elsewhere. It reads the socket's address, not
// c.IP(), which a trusted proxy's X-Forwarded-For replaces.
func localScraper(c *fiber.Ctx) bool {
	ip := c.Context().RemoteIP()
	if ip == nil || !ip.IsLoopback() {
		return false
	}
	return len(c.Get(fiber.HeaderXForwardedFor)) == 0 && len(c.Get("Forwarded")) == 0 && len(c.Get("X-Real-Ip")) == 0
}

// readyz answers whether this server should get traffic: 200 when the
// engine answers and every migration this binary knows is applied, 503
// otherwise (engine down, or a newer binary before `corridor migrate` —
// the moment of an upgrade when an old server's schema lags). /healthz
// stays the liveness check.
func (s *Server) readyz(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 3*time.Second)
	defer cancel()
	pending, version, err := s.pendingMigrations(ctx)
	out := fiber.Map{"engine": s.deps.Engine}
	switch {
	case err != nil:
		s.deps.Log.Warn("readyz: engine unavailable", "err", err)
		out["status"], out["message"] = "not_ready", bilingual("health_unavailable")
		return c.Status(fiber.StatusServiceUnavailable).JSON(out)
	case len(pending) > 0:
		out["status"], out["schema_version"], out["pending_migrations"] = "not_ready", version, pending
		out["message"] = "数据库结构未更新，请运行 corridor migrate (migrations pending: run corridor migrate)"
		return c.Status(fiber.StatusServiceUnavailable).JSON(out)
	}
	out["status"], out["schema_version"] = "ready", version
	return c.JSON(out)
}

// pendingMigrations lists the embedded migrations the ledger does not
// show as applied, and the highest applied id.
func (s *Server) pendingMigrations(ctx context.Context) ([]string, uint32, error) {
	if err := s.deps.Conn.Ping(ctx); err != nil {
		return nil, 0, chsql.Wrap(err)
	}
	all, err := chsql.Migrations()
	if err != nil {
		return nil, 0, fmt.Errorf("dashboard: readyz: %w", err)
	}
	ledger, err := chsql.Migrator{Conn: s.deps.Conn, Database: s.deps.Database}.Ledger(ctx)
	if err != nil {
		return nil, 0, err
	}
	var pending []string
	var version uint32
	for _, mg := range all {
		if st, ok := ledger[mg.ID]; ok && st.Status == "applied" {
			version = max(version, mg.ID)
			continue
		}
		pending = append(pending, mg.FileName())
	}
	sort.Strings(pending)
	return pending, version, nil
}
