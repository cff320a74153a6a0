package dashboard

import (
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/dashboard/assets"
	"github.com/zibo-kj/corridor/dashboard/auth"
)

func (s *Server) assetsPrefix() string { return assets.Prefix() }

// fillUser puts the signed-in user and the CSRF token on the page.
func (s *Server) fillUser(c *fiber.Ctx, p *page) {
	if u := auth.CurrentUser(c); u != nil {
		p.User, p.Role = u.Name, string(u.Role)
		if u.Kiosk {
			p.User, p.Kiosk = "", true
		}
	}
	p.CSRF = auth.CSRFToken(c)
}

func (s *Server) isAdmin(c *fiber.Ctx) bool {
	u := auth.CurrentUser(c)
	return u != nil && u.Role.Allows(auth.Admin)
}

// hasRole reports whether the request's user has role need or above.
func (s *Server) hasRole(c *fiber.Ctx, need auth.Role) bool {
	u := auth.CurrentUser(c)
	return u != nil && !u.Kiosk && u.Role.Allows(need)
}

func (s *Server) userName(c *fiber.Ctx) string {
	if u := auth.CurrentUser(c); u != nil {
		return u.Name
	}
	return ""
}

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

func (s *Server) loginPage(c *fiber.Ctx) error {
	return s.renderLogin(c, "")
}

// renderLogin shows the login form, with an error after a failed attempt.
func (s *Server) renderLogin(c *fiber.Ctx, msg string) error {
	p := s.newPage(c, "login")
	p.Nav = nil
	p.Data = fiber.Map{"Error": msg, "Next": c.Query("next", c.FormValue("next", "/"))}
	return s.render(c, "login", p)
}
