package dashboard

import (
	"context"
	"fmt"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
	"github.com/zibo-kj/corridor/dashboard/auth"
)

// captureLocal marks a request run inside the server for an export: the
// page handler hands its page to the capture instead of rendering HTML,
// and the API handler hands its tables instead of writing a file. So a
// report holds exactly what the page and its download links show.
const captureLocal = "corridor.capture"

// capture is what one internal request produced.
type capture struct {
	page   *page
	sheets []sheet
	sample bool
}

// captured is the capture of a request run by runInternal, or nil.
func captured(c *fiber.Ctx) *capture {
	cp, _ := c.Locals(captureLocal).(*capture)
	return cp
}

// runInternal runs handler h on a GET of target (path and query) as user,
// without the network and without the route's middleware: the caller has
// checked the user's role for what it asks. The handler sees the user, the
// query and ctx as a real request would.
func (s *Server) runInternal(ctx context.Context, user *auth.User, target string, h fiber.Handler) (*capture, error) {
	fctx := &fasthttp.RequestCtx{}
	fctx.Request.Header.SetMethod(fiber.MethodGet)
	fctx.Request.SetRequestURI(target)
	c := s.app.AcquireCtx(fctx)
	defer s.app.ReleaseCtx(c)
	c.SetUserContext(ctx)
	c.Locals(auth.UserLocal, user)
	cp := &capture{}
	c.Locals(captureLocal, cp)
	if err := h(c); err != nil {
		return nil, fmt.Errorf("dashboard: export %s: %w", target, err)
	}
	return cp, nil
}

// pageOf is the *page a template was given, or nil.
func pageOf(data any) *page {
	p, _ := data.(*page)
	return p
}
