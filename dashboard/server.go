// Package dashboard is Corridor's web server: Fiber v2 routes, pages
// rendered with go-echarts, the JSON API and exports.
package dashboard

import (
	"context"
	"errors"
	"log/slog"
	"maps"
	"slices"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/dashboard/assets"
	"github.com/zibo-kj/corridor/dashboard/auth"
	chsql "github.com/zibo-kj/corridor/sql"
)

// Deps are what the server needs from the process that runs it.
type Deps struct {
	Conn driver.Conn // writer pool: loads, users, sessions
	// Reader is a read-only pool for the dashboard's analytics reads; nil
	// means Conn (tests, or an external ClickHouse given one DSN only).
	Reader driver.Conn
	// Console is the analysts' read-only pool for the SQL console (the
	// engine's analyst account); nil answers the console's API with 503.
	Console  driver.Conn
	Database string       // application database
	Engine   string       // "embedded" or "external", shown on /healthz
	Restarts func() int   // engine restarts so far (nil for external)
	Log      *slog.Logger // request and error log
	Kiosk    bool         // viewer pages readable without login (wall screen)
	// KioskRotate is how long the wall shows a scene: 0 means
	// DefaultKioskRotate, a negative value no rotation.
	KioskRotate time.Duration
	// TrustedProxies are the load balancers whose X-Forwarded-For is believed
	// (IPs or CIDRs); empty trusts none, so clients cannot spoof their address.
	// Their X-Request-ID is kept too.
	TrustedProxies []string
	// RequestTimeout is the deadline of a request's database work; 0 means
	// DefaultRequestTimeout. Uploads get at least 10 minutes.
	RequestTimeout time.Duration
	// DataVersionMaxAge is how long a read of the data version is reused
	// (0: read for every request). A load through this server is seen at
	// once; a load by the CLI or another server within this time.
	DataVersionMaxAge time.Duration
}

// Server holds the Fiber app and its dependencies.
type Server struct {
	app     *fiber.App
	deps    Deps
	tpl     *templates
	an      *analytics.Service
	weights index.Config
	auth    *auth.Manager
	langOf  func(*fiber.Ctx) string
	cache   *pageCache
	results resultCache
	metrics *metrics
	images  *imager // server-side chart images (chartimage.go)
}

// New builds the server with its whole route table.
func New(d Deps) (*Server, error) {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if d.Reader == nil {
		d.Reader = d.Conn
	}
	if d.RequestTimeout <= 0 {
		d.RequestTimeout = DefaultRequestTimeout
	}
	tpl, err := loadTemplates()
	if err != nil {
		return nil, err
	}
	var s *Server
	refused := func(c *fiber.Ctx, r auth.Refusal) error { return s.refusalPage(c, r) } // s is set below, before any request
	am, err := auth.NewManager(context.Background(), &auth.Store{Conn: d.Conn}, auth.Config{Kiosk: d.Kiosk, Log: d.Log, Page: refused})
	if err != nil {
		return nil, err
	}
	s = &Server{deps: d, tpl: tpl, an: newAnalytics(d), weights: index.DefaultConfig(), auth: am, langOf: auth.Lang, cache: newPageCache(256), results: resultCache{m: map[string]*analytics.Overview{}}, metrics: newMetrics(), images: newImager()}
	s.app = fiber.New(fiber.Config{
		AppName:               "corridor",
		DisableStartupMessage: true,
		ErrorHandler:          s.handleError,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          120 * time.Second,
		// Bodies are streamed and read only when a handler asks, so limitBody
		// can refuse one by its length before any of it is buffered, and the
		// upload's multipart form is spooled to temporary files as it is
		// parsed, after the role check (see bodylimit.go).
		BodyLimit:                    uploadBodyLimit,
		StreamRequestBody:            true,
		DisablePreParseMultipartForm: true,
		// Behind a load balancer the client's address (login rate limits, logs)
		// comes from X-Forwarded-For, but only when the proxy is trusted.
		EnableTrustedProxyCheck: len(d.TrustedProxies) > 0,
		TrustedProxies:          d.TrustedProxies,
		ProxyHeader:             proxyHeader(d.TrustedProxies),
	})
	s.routes()
	s.metrics.learnRoutes(s.app)
	return s, nil
}

// routes is the whole route table with each route's minimum role.
func (s *Server) routes() {
	app := s.app
	// The edge, for every request: an id, the access log (which also
	// answers errors), panics as 500s, the body limit before any body is
	// read, the deadline, no caching but for assets, compression, headers.
	app.Use(s.requestID, s.accessLog, s.recoverPanics(), limitBody, s.deadline, noStore)
	app.Use(compress.New(compress.Config{Level: compress.LevelBestSpeed}))
	app.Use(securityHeaders)
	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)
	app.Get("/favicon.ico", func(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusNoContent) }) // pages not rendered by our layout (auth's 403) still make browsers ask
	assets.Register(app)
	app.Use(s.auth.Session(), s.auth.Bearer("/api/v1/"))
	app.Get("/metrics", s.metricsHandler) // loopback or an admin (ops.go)
	viewer, analyst, admin := auth.Require(auth.Viewer), auth.Require(auth.Analyst), auth.Require(auth.Admin)
	// The upload checks the role before the CSRF token, whose check parses
	// the multipart body: a large body is read for an admin only. Being
	// registered before the general CSRF middleware, it answers before that runs.
	app.Post(uploadRoute, admin, s.auth.CSRF(), s.changesData, s.uploadHandler)
	app.Use(s.auth.CSRFOrToken())
	app.Get("/login", s.loginPage)
	app.Post("/login", s.auth.LoginHandler(s.renderLogin))
	app.Post("/logout", s.auth.LogoutHandler())
	app.Post("/lang", s.auth.SetLangHandler())

	// wall: the viewer pages, the only routes the --kiosk wall screen may
	// show without a login (never the API, exports, drill-down or data).
	wall := auth.ViewerOrKiosk()
	app.Get("/", wall, s.cached(s.homePage)) // the wall in kiosk mode (wall.go)
	app.Get("/wall", wall, s.cached(s.wallPage))
	app.Get("/wall/version", wall, s.wallVersion)
	// The other pages are pageHandlers', which reports also run in-process;
	// the overview is / (homePage above).
	pages := s.pageHandlers()
	for _, key := range slices.Sorted(maps.Keys(pages)) {
		if key != "overview" {
			app.Get("/"+key, wall, s.cached(pages[key]))
		}
	}
	// Viewers see the items behind a chart by name; the rows and their
	// exports need an analyst (drillPage checks).
	app.Get("/drill", viewer, s.drillPage)
	app.Get("/data", analyst, s.dataPage)
	app.Get("/console", analyst, s.consolePage)
	// Reports and server-drawn chart images (report_routes.go): the report
	// with its tables for analysts, one chart's image for any viewer.
	app.Get("/report", analyst, s.reportPage)
	app.Get(reportRoute, analyst, s.reportDownload)
	app.Get("/export/chart", viewer, s.chartDownload)
	app.Get("/tokens", viewer, s.tokensPage)
	app.Post("/tokens", viewer, s.tokenCreate)
	app.Post("/tokens/revoke", viewer, s.tokenRevoke)
	app.Get("/data/rejects/:source", analyst, s.rejectsHandler)
	app.Get("/users", admin, s.usersPage)
	app.Post("/users", admin, s.usersPost)
	app.Post("/data/withdraw", admin, s.changesData, s.withdrawHandler)
	app.Post("/data/review", admin, s.changesData, s.reviewHandler)

	api := app.Group("/api/v1", viewer)
	// The read routes are apiHandlers', which reports also call in-process.
	for _, name := range slices.Sorted(maps.Keys(s.apiHandlers())) {
		api.Get("/"+name, s.apiHandlers()[name])
	}
	api.Post("/query", analyst, s.apiQuery)
	api.Post("/query/chart", analyst, s.apiQueryChart)
	api.Get("/query/history", analyst, s.apiQueryHistory)
	api.Get("/query/audit", admin, s.apiQueryAudit)
	api.Get("/schema", analyst, s.apiSchema)
	api.Get("/saved", analyst, s.apiSavedList)
	api.Post("/saved", analyst, s.apiSavedCreate)
	api.Post("/saved/:id/delete", analyst, s.apiSavedDelete)
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
	c.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	return c.Next()
}

// handleError is the one place errors become HTTP statuses and messages:
// JSON for the API, a page for browsers; never a stack trace.
func (s *Server) handleError(c *fiber.Ctx, err error) error {
	code := fiber.StatusInternalServerError
	msg := msgInternal
	param := ""
	var fe *fiber.Error
	var pe *analytics.ParamError
	var be *index.BaseError
	switch {
	case panicked(c): // an internal error, whatever value the panic held
	case pastDeadline(c):
		// Out of time, whatever the error says: the driver reports a
		// deadline as a network timeout.
		code, msg = fiber.StatusGatewayTimeout, msgTimeout
	case errors.As(err, &fe):
		code, msg = fe.Code, fe.Message
	case errors.As(err, &pe):
		code, msg, param = fiber.StatusBadRequest, pe.Error(), pe.Param
	case errors.As(err, &be):
		code, msg = fiber.StatusUnprocessableEntity, be.Message(s.lang(c))
	case errors.Is(err, index.ErrNoBase):
		code, msg = fiber.StatusUnprocessableEntity, "当前筛选条件下数据不足，无法计算融合指数 (not enough data under this filter to compute the integration index)"
	case chsql.KindOf(err) == chsql.KindUnavailable:
		code, msg = fiber.StatusServiceUnavailable, msgUnavailable
	case chsql.KindOf(err) == chsql.KindTimeout:
		code, msg = fiber.StatusGatewayTimeout, msgTimeout
	case chsql.KindOf(err) == chsql.KindDiskFull:
		code, msg = fiber.StatusInsufficientStorage, msgDiskFull
	}
	s.metrics.queryError(err)
	if code >= 500 {
		s.deps.Log.Error("request failed", "path", c.Path(), "request_id", requestIDOf(c), "err", err)
	}
	if wantsHTML(c) {
		return s.errorPage(c, code, msg)
	}
	out := fiber.Map{"error": msg}
	if param != "" {
		out["param"] = param
	}
	return c.Status(code).JSON(out)
}

func proxyHeader(trusted []string) string {
	if len(trusted) == 0 {
		return ""
	}
	return fiber.HeaderXForwardedFor
}

// newAnalytics is the analytics service on the dashboard's read pool.
func newAnalytics(d Deps) *analytics.Service {
	an := analytics.NewService(d.Reader)
	an.VersionMaxAge = d.DataVersionMaxAge
	return an
}

// changesData runs a handler that may change the data, then makes the
// next request read the data version again, so this server's visitors see
// the change at once whatever DataVersionMaxAge is.
func (s *Server) changesData(c *fiber.Ctx) error {
	defer s.an.Forget()
	return c.Next()
}
