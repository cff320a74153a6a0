package dashboard

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/dashboard/auth"
	chsql "github.com/zibo-kj/corridor/sql"
)

// The users page: admins add users, change roles, disable and enable them
// and reset passwords without stopping the server; every change is
// written to user_audit with who made it. A new or reset password is shown
// once, on the page that made it, and never stored in the audit.

// usersData is what the users page shows.
type usersData struct {
	Users    []auth.Account
	Audit    []auditLine
	Roles    []auth.Role
	Done     string // what the last action did, in the page language
	Password string // a new password to hand over, shown once
	Error    string
}

// auditLine is one line of user_audit.
type auditLine struct {
	At     time.Time `ch:"at"`
	Actor  string    `ch:"actor"`
	Action string    `ch:"action"`
	Target string    `ch:"target"`
	Detail string    `ch:"detail"`
}

// usersPage lists the users and the audit (admins).
func (s *Server) usersPage(c *fiber.Ctx) error {
	return s.renderUsers(c, usersData{})
}

// usersPost carries out one action of the users page (admins).
func (s *Server) usersPost(c *fiber.Ctx) error {
	ctx, st := c.UserContext(), s.auth.Store()
	lang := s.lang(c)
	action, name := c.FormValue("action"), c.FormValue("name")
	var d usersData
	var err error
	detail := ""
	switch action {
	case "add", "enable":
		role := auth.Role(c.FormValue("role"))
		if action == "enable" {
			var a auth.Account
			if a, err = st.Get(ctx, name); err == nil {
				role = a.Role
			}
		}
		if err == nil {
			d.Password = auth.GeneratePassword(name)
			err = st.Add(ctx, name, d.Password, role)
			detail = string(role)
		}
	case "role":
		role := auth.Role(c.FormValue("role"))
		err, detail = st.SetRole(ctx, name, role), string(role)
	case "disable":
		if u := auth.CurrentUser(c); u != nil && u.Name == name {
			err = errors.New(tr(lang, "users_not_self"))
		} else {
			err = st.Delete(ctx, name)
		}
	case "reset":
		d.Password = auth.GeneratePassword(name)
		err = st.SetPassword(ctx, name, d.Password)
	default:
		return fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("action %q: want add, role, disable, enable or reset", action))
	}
	if err != nil {
		d.Password, d.Error = "", userError(err, lang)
		c.Status(fiber.StatusUnprocessableEntity)
		return s.renderUsers(c, d)
	}
	s.auth.Forget(name) // the change holds on this server at once
	if err := s.auditUser(ctx, auth.CurrentUser(c).Name, action, name, detail); err != nil {
		return err
	}
	d.Done = fmt.Sprintf(tr(lang, "users_done_"+action), name)
	return s.renderUsers(c, d)
}

// userError says why an action was refused, in the page's language.
func userError(err error, lang string) string {
	switch {
	case errors.Is(err, auth.ErrExists):
		return tr(lang, "users_err_exists")
	case errors.Is(err, auth.ErrLastAdmin):
		return tr(lang, "users_err_last_admin")
	case errors.Is(err, auth.ErrNotFound):
		return tr(lang, "users_err_not_found")
	}
	return err.Error()
}

// auditUser writes one line of user_audit.
func (s *Server) auditUser(ctx context.Context, actor, action, target, detail string) error {
	q, err := chsql.Query("users.AuditAdd")
	if err != nil {
		return err
	}
	if err := s.deps.Conn.Exec(ctx, q, clickhouse.Named("actor", actor), clickhouse.Named("action", action),
		clickhouse.Named("target", target), clickhouse.Named("detail", detail)); err != nil {
		return fmt.Errorf("dashboard: user audit: %w", chsql.Wrap(err))
	}
	return nil
}

// renderUsers reads the users and the audit and draws the page.
func (s *Server) renderUsers(c *fiber.Ctx, d usersData) error {
	ctx := c.UserContext()
	var err error
	if d.Users, err = s.auth.Store().List(ctx); err != nil {
		return err
	}
	q, err := chsql.Query("users.AuditList")
	if err != nil {
		return err
	}
	if err := s.deps.Conn.Select(ctx, &d.Audit, q, clickhouse.Named("limit", uint32(100))); err != nil {
		return fmt.Errorf("dashboard: user audit: %w", chsql.Wrap(err))
	}
	d.Roles = []auth.Role{auth.Viewer, auth.Analyst, auth.Admin}
	p := s.newPage(c, "users")
	p.Data, p.NoFilters = d, true
	return s.render(c, "users", p)
}
