package dashboard

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"
	chsql "github.com/zibo-kj/corridor/sql"
)

// healthz answers for load balancers and monitoring:
//   - 200 "ok": the engine answers and every part of our tables is served;
//   - 200 "degraded": the engine answers but set damaged parts aside
//     (detached_parts counts them per table), so some numbers are too small;
//   - 503 "unavailable": the engine does not answer.
//
// Degraded stays 200 on purpose: the engine still serves the rest of the
// data, a restart does not bring detached parts back, and a 503 would let
// the load balancer turn partial data into a full outage. Monitoring alerts
// on the status field; an administrator repairs (see docs/admin.md).
//
// Error details (which name the engine's address) go to the log only.
func (s *Server) healthz(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 3*time.Second)
	defer cancel()
	out := fiber.Map{"engine": s.deps.Engine}
	if s.deps.Restarts != nil {
		out["engine_restarts"] = s.deps.Restarts()
	}
	v, err := s.engineVersion(ctx)
	if err != nil {
		s.deps.Log.Warn("healthz: engine unavailable", "err", err)
		out["status"], out["message"] = "unavailable", bilingual("health_unavailable")
		return c.Status(fiber.StatusServiceUnavailable).JSON(out)
	}
	out["status"], out["schema_version"] = "ok", v
	parts, err := chsql.DetachedParts(ctx, s.deps.Conn)
	switch {
	case err != nil:
		s.deps.Log.Warn("healthz: cannot list detached parts", "err", err)
		out["detached_parts_check"] = "failed"
	case len(parts) > 0:
		out["status"], out["message"] = "degraded", bilingual("health_degraded")
		out["detached_parts"] = chsql.DetachedByTable(parts)
	}
	return c.JSON(out)
}

// engineVersion pings the engine and reads the schema version.
func (s *Server) engineVersion(ctx context.Context) (uint32, error) {
	if err := s.deps.Conn.Ping(ctx); err != nil {
		return 0, chsql.Wrap(err)
	}
	return chsql.Migrator{Conn: s.deps.Conn, Database: s.deps.Database}.Version(ctx)
}

// bilingual renders a message as "中文 (English)" for machine readers.
func bilingual(key string) string { return tr("zh", key) + " (" + tr("en", key) + ")" }
