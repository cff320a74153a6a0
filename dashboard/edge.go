package dashboard

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/zibo-kj/corridor/dashboard/assets"
	"github.com/zibo-kj/corridor/dashboard/auth"
)

// DefaultRequestTimeout bounds a request's database work when
// Deps.RequestTimeout is 0; uploads get at least uploadTimeout, as a large
// spreadsheet takes a while to load.
const (
	DefaultRequestTimeout = 60 * time.Second
	uploadTimeout         = 10 * time.Minute
)

// Keys of this package's c.Locals: the request id, and whether the
// handler panicked.
type (
	requestIDKey struct{}
	panickedKey  struct{}
)

// requestID gives every request an id, sent back as X-Request-ID and
// written with its log lines. An incoming X-Request-ID is kept only from a
// trusted proxy and only when it looks like an id, so clients cannot put
// arbitrary text into the log.
func (s *Server) requestID(c *fiber.Ctx) error {
	id := c.Get(fiber.HeaderXRequestID)
	if len(s.deps.TrustedProxies) == 0 || !c.IsProxyTrusted() || !saneRequestID(id) {
		b := make([]byte, 12)
		_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
		id = hex.EncodeToString(b)
	}
	c.Locals(requestIDKey{}, id)
	c.Set(fiber.HeaderXRequestID, id)
	return c.Next()
}

func saneRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.:", r)) {
			return false
		}
	}
	return true
}

func requestIDOf(c *fiber.Ctx) string {
	id, _ := c.Locals(requestIDKey{}).(string)
	return id
}

// accessLog writes one line per request: method, path, the names (not the
// values) of its query parameters, status, duration, request id, user and
// address. It answers errors itself (handleError), so the line has the
// status the client got.
func (s *Server) accessLog(c *fiber.Ctx) error {
	start := time.Now()
	if err := c.Next(); err != nil {
		if herr := s.handleError(c, err); herr != nil {
			_ = c.SendStatus(fiber.StatusInternalServerError)
		}
	}
	s.metrics.observe(c, time.Since(start))
	level := slog.LevelInfo
	if strings.HasPrefix(c.Path(), assets.BasePath) {
		level = slog.LevelDebug // many, and all alike
	}
	var user string
	if u := auth.CurrentUser(c); u != nil {
		user = u.Name
	}
	s.deps.Log.LogAttrs(context.Background(), level, "request",
		slog.String("method", c.Method()), slog.String("path", clip(c.Path(), 200)),
		slog.String("query", queryNames(c)), slog.Int("status", c.Response().StatusCode()),
		slog.Duration("took", time.Since(start)), slog.String("request_id", requestIDOf(c)),
		slog.String("user", user), slog.String("ip", c.IP()))
	return nil
}

// queryNames lists the query's parameter names: values can hold what does
// not belong in a log.
func queryNames(c *fiber.Ctx) string {
	var names []string
	c.Context().QueryArgs().VisitAll(func(k, _ []byte) { names = append(names, clip(string(k), 40)) })
	sort.Strings(names)
	return clip(strings.Join(names, ","), 200)
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// recoverPanics turns a panic in a handler into a 500 answered by
// handleError, with the stack in the log, instead of a dead server. The
// request is marked, so that the panic's value, whatever error it holds,
// is answered as the internal error it is.
func (s *Server) recoverPanics() fiber.Handler {
	return recover.New(recover.Config{EnableStackTrace: true, StackTraceHandler: func(c *fiber.Ctx, e any) {
		c.Locals(panickedKey{}, true)
		s.deps.Log.Error("panic in a handler", "path", c.Path(), "request_id", requestIDOf(c), "panic", fmt.Sprint(e), "stack", string(debug.Stack()))
	}})
}

func panicked(c *fiber.Ctx) bool {
	p, _ := c.Locals(panickedKey{}).(bool)
	return p
}

// deadline puts a deadline on the request's context (c.UserContext), which
// every database call takes, so a slow query is cancelled in ClickHouse
// rather than left running after the client has given up.
func (s *Server) deadline(c *fiber.Ctx) error {
	d := s.deps.RequestTimeout
	if c.Method() == fiber.MethodPost && c.Path() == uploadRoute {
		d = max(d, uploadTimeout)
	}
	if c.Method() == fiber.MethodPost && (c.Path() == consoleQueryRoute || c.Path() == consoleChartRoute) {
		d = max(d, consoleDeadline())
	}
	ctx, cancel := context.WithTimeout(c.UserContext(), d)
	defer cancel()
	c.SetUserContext(ctx)
	return c.Next()
}

// pastDeadline reports whether the request has run out of its time. It
// reads the clock rather than ctx.Err(): the driver's own timeout can
// arrive a moment before the context's timer fires, and by the time the
// error is answered the deadline middleware has cancelled the context.
func pastDeadline(c *fiber.Ctx) bool {
	dl, ok := c.UserContext().Deadline()
	return ok && !time.Now().Before(dl)
}

// noStore keeps every answer but the static assets (which carry their own
// caching) out of browser and proxy caches: pages, API answers, exports and
// errors behind the login must not outlive the session on a shared computer.
func noStore(c *fiber.Ctx) error {
	if !strings.HasPrefix(c.Path(), assets.BasePath) {
		c.Set(fiber.HeaderCacheControl, "no-store")
	}
	return c.Next()
}
