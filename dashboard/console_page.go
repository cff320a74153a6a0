package dashboard

import (
	"github.com/gofiber/fiber/v2"
)

// consoleData is what the console page shows besides the editor, whose
// schema, history and results the page's script fetches from the API.
type consoleData struct {
	Admin bool
	Audit []auditRow // everyone's last statements, for admins
	Ready bool       // the console's pool is configured
}

// consolePage is the SQL console for analysts: editor, parameters, results,
// schema browser and history (console.js); admins also see the audit.
func (s *Server) consolePage(c *fiber.Ctx) error {
	p := s.newPage(c, "console")
	p.NoFilters = true
	d := &consoleData{Admin: s.isAdmin(c), Ready: s.deps.Console != nil}
	if d.Admin {
		rows, err := s.auditList(c.UserContext(), auditListSize)
		if err != nil {
			return err
		}
		d.Audit = rows
	}
	p.Data = d
	return s.render(c, "console", p)
}
