// Package dashboard is Corridor's web server: Fiber v2 routes, pages
// rendered with go-echarts, the JSON API and exports.
package dashboard

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/analytics/index"
	chsql "github.com/zibo-kj/corridor/sql"
)

// Deps are what the server needs from the process that runs it.
type Deps struct {
	Conn     driver.Conn  // writer pool (the app's own queries)
	Database string       // application database
	Engine   string       // "embedded" or "external", shown on /healthz
	Restarts func() int   // engine restarts so far (nil for external)
	Log      *slog.Logger // request and error log
}

// Server holds the Fiber app and its dependencies.
type Server struct {
	app     *fiber.App
	deps    Deps
	tpl     *templates
	an      *analytics.Service
	weights index.Config
}

// New builds the server with its whole route table.
func New(d Deps) (*Server, error) {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	tpl, err := loadTemplates()
	if err != nil {
		return nil, err
	}
	s := &Server{deps: d, tpl: tpl, an: analytics.NewService(d.Conn), weights: index.DefaultConfig()}
	s.app = fiber.New(fiber.Config{
		AppName:               "corridor",
		DisableStartupMessage: true,
		ErrorHandler:          s.handleError,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          60 * time.Second,
	})
	s.app.Use(compress.New(compress.Config{Level: compress.LevelBestSpeed}))
	s.app.Use(securityHeaders)
	// Route table: one block, so every URL the product answers is visible here.
	s.app.Get("/healthz", s.healthz)
	s.app.Get("/", s.dataPage)
	api := s.app.Group("/api/v1")
	api.Get("/metrics", s.apiMetrics)
	api.Get("/series", s.apiSeries)
	api.Get("/breakdown", s.apiBreakdown)
	api.Get("/network", s.apiNetwork)
	api.Get("/flows", s.apiFlows)
	api.Get("/targets", s.apiTargets)
	api.Get("/index", s.apiIndex)
	api.Get("/overview", s.apiOverview)
	return s, nil
}

// App exposes the Fiber app (tests use app.Test).
func (s *Server) App() *fiber.App { return s.app }

// Listen serves on addr until ctx ends, then shuts down gracefully.
func (s *Server) Listen(ctx context.Context, addr string) error {
	errc := make(chan error, 1)
	go func() { errc <- s.app.Listen(addr) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return s.app.ShutdownWithTimeout(10 * time.Second)
	}
}

func securityHeaders(c *fiber.Ctx) error {
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("X-Frame-Options", "DENY")
	c.Set("Referrer-Policy", "same-origin")
	c.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'")
	return c.Next()
}

// handleError is the one place errors become HTTP statuses and messages.
func (s *Server) handleError(c *fiber.Ctx, err error) error {
	code := fiber.StatusInternalServerError
	msg := "内部错误 internal error"
	var fe *fiber.Error
	var pe *analytics.ParamError
	switch {
	case errors.As(err, &fe):
		code, msg = fe.Code, fe.Message
	case errors.As(err, &pe):
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"error": pe.Error(), "param": pe.Param})
	case chsql.KindOf(err) == chsql.KindUnavailable:
		code, msg = fiber.StatusServiceUnavailable, "数据库暂时不可用，请稍后重试 (database unavailable)"
	}
	if code >= 500 {
		s.deps.Log.Error("request failed", "path", c.Path(), "err", err)
	}
	return c.Status(code).JSON(fiber.Map{"error": msg})
}
