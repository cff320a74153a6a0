package dashboard

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"
	chsql "github.com/zibo-kj/corridor/sql"
)

// healthz answers 200 with the schema version when the engine is reachable, 503 otherwise.
func (s *Server) healthz(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 3*time.Second)
	defer cancel()
	out := fiber.Map{"engine": s.deps.Engine}
	if s.deps.Restarts != nil {
		out["engine_restarts"] = s.deps.Restarts()
	}
	if err := s.deps.Conn.Ping(ctx); err != nil {
		out["status"] = "unavailable"
		out["error"] = chsql.Wrap(err).Error()
		return c.Status(fiber.StatusServiceUnavailable).JSON(out)
	}
	v, err := chsql.Migrator{Conn: s.deps.Conn, Database: s.deps.Database}.Version(ctx)
	if err != nil {
		out["status"] = "unavailable"
		out["error"] = err.Error()
		return c.Status(fiber.StatusServiceUnavailable).JSON(out)
	}
	out["status"] = "ok"
	out["schema_version"] = v
	return c.JSON(out)
}
