package dashboard

import (
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/dashboard/auth"
)

// wantsHTML tells a browser page request from an API call.
func wantsHTML(c *fiber.Ctx) bool {
	return !strings.HasPrefix(c.Path(), "/api/") && strings.Contains(c.Get(fiber.HeaderAccept), "text/html")
}

// errorData is what the error page shows.
type errorData struct {
	Code int
	Msg  string
}

func (s *Server) errorPage(c *fiber.Ctx, code int, msg string) error {
	p := s.newPage(c, "error")
	p.Title = tr(p.Lang, "error")
	p.Data = errorData{code, msg}
	c.Status(code)
	return s.render(c, "error", p)
}

// refusalPage shows auth's refusals as the site's own error page, a
// missing role in the reader's language.
func (s *Server) refusalPage(c *fiber.Ctx, r auth.Refusal) error {
	msg := r.Msg
	if r.Need != "" {
		lang := s.lang(c)
		msg = fmt.Sprintf(tr(lang, "forbidden_role"), tr(lang, "role_"+string(r.Need)))
	}
	return s.errorPage(c, r.Status, msg)
}
