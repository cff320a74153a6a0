package auth

import (
	"strings"

	"github.com/gofiber/fiber/v2"
)

// Bearer is the middleware that admits scripts: a request under prefix
// (the JSON API, "/api/v1/") with "Authorization: Bearer TOKEN" runs as the
// token's user with that user's current role, whatever cookie it carries.
// A token that is unknown, revoked, expired, or whose user is deleted gets
// 401 — never a fall back to the cookie. Tokens are looked up on every
// request, so a revocation holds at once on every server; the role comes
// through the 30 s user cache, as for sessions. Mount it after Session and
// use CSRFOrToken instead of CSRF: a token is not sent by browsers on their
// own, so a token request needs no CSRF token.
func (m *Manager) Bearer(prefix string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		h := c.Get(fiber.HeaderAuthorization)
		scheme, plain, _ := strings.Cut(h, " ")
		if h == "" || !strings.HasPrefix(c.Path(), prefix) || !strings.EqualFold(scheme, "Bearer") {
			return c.Next()
		}
		u, err := m.tokenUser(c, strings.TrimSpace(plain))
		if err != nil {
			return err
		}
		if u == nil {
			m.cfg.Log.Warn("auth: refused API token", "path", c.Path(), "ip", c.IP())
			c.Set(fiber.HeaderWWWAuthenticate, `Bearer error="invalid_token"`)
			return c.Status(fiber.StatusUnauthorized).JSON(fiber.Map{"error": "令牌无效、已撤销或已过期 (invalid, revoked or expired token)"})
		}
		c.Locals(sessionLocal, nil) // the cookie, if any, plays no part
		c.Locals(UserLocal, u)
		c.Locals(tokenLocal, true)
		return c.Next()
	}
}

// tokenUser is the active user of an active token; nil when refused.
func (m *Manager) tokenUser(c *fiber.Ctx, plain string) (*User, error) {
	if !strings.HasPrefix(plain, TokenPrefix) || len(plain) > 100 {
		return nil, nil
	}
	t, ok, err := m.store.tokenByHash(c.UserContext(), TokenHash(plain))
	if err != nil || !ok || !t.Active(m.cfg.Now()) {
		return nil, err
	}
	e, err := m.lookup(c.UserContext(), t.Username)
	if err != nil || !e.found || e.acct.Disabled {
		return nil, err
	}
	u := e.acct.User()
	return &u, nil
}

// CSRFOrToken is CSRF for cookie sessions; a request admitted by Bearer
// passes without a CSRF token.
func (m *Manager) CSRFOrToken() fiber.Handler {
	csrf := m.CSRF()
	return func(c *fiber.Ctx) error {
		if ByToken(c) {
			return c.Next()
		}
		return csrf(c)
	}
}
