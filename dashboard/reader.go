package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/dashboard/auth"
)

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
