package dashboard

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/dashboard/auth"
)

// tokensData is the token page: the user's tokens and, right after one was
// made, that token (shown this once).
type tokensData struct {
	Tokens []tokenView
	New    string
	Error  string
}

// tokenView is a token row as the page shows it.
type tokenView struct {
	auth.Token
	State string // active, revoked or expired
}

// tokensPage lists the signed-in user's API tokens with a form to make one
// and buttons to revoke them. Tokens are managed with a session only: a
// token cannot make more tokens or outlive its own expiry that way.
func (s *Server) tokensPage(c *fiber.Ctx) error {
	return s.renderTokens(c, "", "")
}

// tokenCreate makes a token for the signed-in user (form: name, days).
func (s *Server) tokenCreate(c *fiber.Ctx) error {
	u := auth.CurrentUser(c)
	days, err := strconv.Atoi(c.FormValue("days", "90"))
	if err != nil || days < 1 || days > 366 {
		return s.renderTokens(c, "", tr(s.lang(c), "tokens_bad_days"))
	}
	plain, _, err := s.auth.Store().CreateToken(c.UserContext(), u.Name, strings.TrimSpace(c.FormValue("name")), time.Duration(days)*24*time.Hour)
	if err != nil {
		return err
	}
	return s.renderTokens(c, plain, "")
}

// tokenRevoke ends one of the signed-in user's tokens (form: id).
func (s *Server) tokenRevoke(c *fiber.Ctx) error {
	_, err := s.auth.Store().RevokeToken(c.UserContext(), c.FormValue("id"), auth.CurrentUser(c).Name)
	if errors.Is(err, auth.ErrTokenNotFound) {
		return fiber.NewError(fiber.StatusNotFound, "没有这个令牌 (no such token)")
	}
	if err != nil {
		return err
	}
	return c.Redirect("/tokens", fiber.StatusSeeOther)
}

func (s *Server) renderTokens(c *fiber.Ctx, plain, msg string) error {
	list, err := s.auth.Store().ListTokens(c.UserContext(), auth.CurrentUser(c).Name)
	if err != nil {
		return err
	}
	d := &tokensData{New: plain, Error: msg}
	now := time.Now()
	for _, t := range list {
		v := tokenView{Token: t, State: "active"}
		if t.Revoked == 1 {
			v.State = "revoked"
		} else if !t.Active(now) {
			v.State = "expired"
		}
		d.Tokens = append(d.Tokens, v)
	}
	p := s.newPage(c, "tokens")
	p.NoFilters = true
	p.Data = d
	return s.render(c, "tokens", p)
}
