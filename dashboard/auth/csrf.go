package auth

import (
	"crypto/hmac"
	"crypto/subtle"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// CSRFField and CSRFHeader carry the token of a state-changing request.
const (
	CSRFField  = "csrf"
	CSRFHeader = "X-CSRF-Token"
)

// CSRF is the middleware that refuses (403) any request other than GET,
// HEAD, OPTIONS and TRACE without a valid token in the header X-CSRF-Token
// or the form field "csrf". For a logged-in user the token is
// HMAC(key, session id), so it cannot be known to another site; before login
// (the login form) it must equal the corridor_csrf cookie (double submit).
// Reading the field means reading the body: a multipart body is parsed only
// for a logged-in user (an anonymous one must send the header), so a
// stranger cannot make the server spool a large upload. A route that takes
// large bodies should check the role first and mount CSRF after it. Mount it
// after Session.
func (m *Manager) CSRF() fiber.Handler {
	return func(c *fiber.Ctx) error {
		if safeMethod(c.Method()) || m.csrfOK(c) {
			return c.Next()
		}
		m.cfg.Log.Warn("auth: request without a valid CSRF token", "method", c.Method(), "path", c.Path(), "ip", c.IP())
		return deny(c, fiber.StatusForbidden, "请求已失效，请刷新页面后重试 (CSRF token missing or invalid)")
	}
}

func safeMethod(method string) bool {
	switch method {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions, fiber.MethodTrace:
		return true
	}
	return false
}

// CSRFToken is the token to put into forms (field "csrf") and scripts
// (header X-CSRF-Token) of the page being rendered. Before login it also
// sets the double-submit cookie when there is none yet.
func CSRFToken(c *fiber.Ctx) string {
	if t, ok := c.Locals(csrfLocal).(string); ok {
		return t
	}
	var t string
	if s, m := sessionOf(c), managerOf(c); s != nil && m != nil {
		t = sessionCSRF(m.signingKey(), s.claims.SID)
	} else {
		t = strings.Clone(c.Cookies(csrfCookie))
		if !wellFormedToken(t) {
			t = randomID()
			c.Cookie(&fiber.Cookie{Name: csrfCookie, Value: t, Path: "/", Secure: isHTTPS(c), HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode, SessionOnly: true})
		}
	}
	c.Locals(csrfLocal, t)
	return t
}

func sessionCSRF(key []byte, sid string) string {
	return b64.EncodeToString(mac(key, "corridor csrf v1", sid))
}

// wellFormedToken accepts what randomID makes, so a planted odd cookie is replaced.
func wellFormedToken(t string) bool {
	if len(t) != 24 {
		return false
	}
	_, err := b64.DecodeString(t)
	return err == nil
}

// csrfOK checks the request's token.
func (m *Manager) csrfOK(c *fiber.Ctx) bool {
	got := requestToken(c)
	if got == "" {
		return false
	}
	if s := sessionOf(c); s != nil {
		for _, k := range m.allKeys() {
			if hmac.Equal([]byte(got), []byte(sessionCSRF(k, s.claims.SID))) {
				return true
			}
		}
		return false
	}
	cookie := c.Cookies(csrfCookie)
	return wellFormedToken(cookie) && subtle.ConstantTimeCompare([]byte(got), []byte(cookie)) == 1
}

// requestToken takes the token from the header or the body, never from the
// URL, where it would leak into logs and Referer headers. It does not parse
// an anonymous request's multipart body (see CSRF).
func requestToken(c *fiber.Ctx) string {
	if t := c.Get(CSRFHeader); t != "" {
		return t
	}
	if sessionOf(c) == nil && isMultipart(c) {
		return ""
	}
	return bodyValue(c, CSRFField)
}

func isMultipart(c *fiber.Ctx) bool {
	return strings.HasPrefix(c.Get(fiber.HeaderContentType), fiber.MIMEMultipartForm)
}

// bodyValue reads a field of an urlencoded or multipart body; unlike
// c.FormValue it ignores the query string.
func bodyValue(c *fiber.Ctx, key string) string {
	if isMultipart(c) {
		f, err := c.MultipartForm()
		if err != nil || len(f.Value[key]) == 0 {
			return ""
		}
		return f.Value[key][0]
	}
	return string(c.Request().PostArgs().Peek(key))
}
