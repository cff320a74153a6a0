package auth

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Messages the login form shows.
const (
	msgBadLogin    = "用户名或密码错误"
	msgRateLimited = "登录失败次数过多，请 %d 秒后再试 (too many failed logins: try again in %d s)"
)

// LoginHandler handles POST /login (fields username, password, csrf, next).
// Success sets the session cookie and answers 303 to next when it is a
// same-site path, else to "/". A wrong name or password calls render with
// "用户名或密码错误" and status 401; an attempt made before the delay that
// earlier failures impose is over (see ratelimit.go) is not checked and
// answers 429 with Retry-After, also through render. It checks the CSRF
// token itself too, so login stays protected if the route is mounted
// outside the CSRF middleware.
func (m *Manager) LoginHandler(render func(c *fiber.Ctx, errMsg string) error) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if !m.csrfOK(c) {
			return deny(c, fiber.StatusForbidden, "请求已失效，请刷新页面后重试 (CSRF token missing or invalid)")
		}
		name := strings.TrimSpace(bodyValue(c, "username"))
		password := bodyValue(c, "password")
		next := safeNext(bodyValue(c, "next"))
		ip := c.IP()
		if wait, ok := m.limits.allow(ip, name); !ok {
			secs := int((wait + time.Second - 1) / time.Second)
			c.Set(fiber.HeaderRetryAfter, strconv.Itoa(secs))
			m.cfg.Log.Warn("auth: login rate limited", "user", logName(name), "ip", ip, "retry_after_s", secs)
			c.Status(fiber.StatusTooManyRequests)
			return render(c, fmt.Sprintf(msgRateLimited, secs, secs))
		}
		a, err := m.store.verify(c.UserContext(), name, password)
		if errors.Is(err, ErrBadCredentials) {
			m.limits.fail(ip, name)
			m.cfg.Log.Warn("auth: login failed", "user", logName(name), "ip", ip)
			c.Status(fiber.StatusUnauthorized)
			return render(c, msgBadLogin)
		}
		if err != nil {
			return fmt.Errorf("auth: login: %w", err)
		}
		m.limits.succeed(ip, name)
		m.Forget(a.Name) // the next request reads the account with its revoked sessions
		m.writeSession(c, m.newClaims(a, ""))
		m.cfg.Log.Info("auth: login", "user", a.Name, "role", a.Role, "ip", ip)
		return c.Redirect(next, fiber.StatusSeeOther)
	}
}

// logName keeps what looks like a password typed into the username field
// out of the log.
func logName(name string) string {
	if ValidateUsername(name) != nil {
		return "(invalid)"
	}
	return name
}

// LogoutHandler handles POST /logout: it ends the session for every server
// (a copy of the cookie stops working: see revoke.go), clears the cookie and
// answers 303 to /login. When the revocation cannot be stored the cookie is
// still cleared, but the error is shown, as a copy would stay valid.
func (m *Manager) LogoutHandler() fiber.Handler {
	return func(c *fiber.Ctx) error {
		m.clearSession(c)
		s := sessionOf(c)
		if s == nil {
			return c.Redirect("/login", fiber.StatusSeeOther)
		}
		if err := m.endSession(c.UserContext(), s); err != nil {
			return fmt.Errorf("auth: logout: %w", err)
		}
		m.cfg.Log.Info("auth: logout", "user", s.user.Name, "ip", c.IP())
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
}

// SetLangHandler handles POST /lang (field lang, zh-CN or en): it stores the
// language with a logged-in user and always in the corridor_lang cookie
// (one year), then answers 303 to the Referer's path when the Referer is
// this site, else to "/".
func (m *Manager) SetLangHandler() fiber.Handler {
	return func(c *fiber.Ctx) error {
		lang := bodyValue(c, "lang")
		if !validLang(lang) {
			return deny(c, fiber.StatusBadRequest, fmt.Sprintf("lang: want %s or %s", LangZH, LangEN))
		}
		if u := CurrentUser(c); u != nil && !u.Kiosk {
			if err := m.store.SetLang(c.UserContext(), u.Name, lang); err != nil {
				return fmt.Errorf("auth: set language: %w", err)
			}
			m.Forget(u.Name)
		}
		c.Cookie(&fiber.Cookie{Name: LangCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
			Secure: isHTTPS(c), HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode})
		return c.Redirect(refererPath(c), fiber.StatusSeeOther)
	}
}

// Lang is the request's language: the user's, else the corridor_lang
// cookie, else zh-CN.
func Lang(c *fiber.Ctx) string {
	if u := CurrentUser(c); u != nil && validLang(u.Lang) {
		return u.Lang
	}
	if l := c.Cookies(LangCookie); validLang(l) {
		return strings.Clone(l)
	}
	return LangZH
}

// refererPath is the Referer's path and query when it points at this host.
func refererPath(c *fiber.Ctx) string {
	u, err := url.Parse(c.Get(fiber.HeaderReferer))
	if err != nil || u.Host == "" || !strings.EqualFold(u.Host, string(c.Request().Host())) {
		return "/"
	}
	return safeNext(u.RequestURI())
}

// safeNext returns s when it is a path on this site, else "/": it must
// start with one "/" and hold no backslash or control character, which
// browsers would turn into "//" and so into another host ("/\evil.com",
// "/\t/evil.com").
func safeNext(s string) string {
	if len(s) == 0 || s[0] != '/' || len(s) > 2048 {
		return "/"
	}
	if len(s) > 1 && (s[1] == '/' || s[1] == '\\') {
		return "/"
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f || s[i] == '\\' {
			return "/"
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "/"
	}
	return s
}
