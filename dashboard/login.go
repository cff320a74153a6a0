package dashboard

import "github.com/gofiber/fiber/v2"

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
