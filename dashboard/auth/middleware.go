package auth

import (
	"html"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// CurrentUser is the request's user: set by Session for a logged-in user,
// by Require for the kiosk user; nil when anonymous.
func CurrentUser(c *fiber.Ctx) *User {
	u, _ := c.Locals(UserLocal).(*User)
	return u
}

// Require is the middleware that admits users whose role allows need.
// Anonymous requests get a 302 to /login?next=<url> when they are a GET of
// an HTML page (Accept contains text/html), else 401 {"error":"login
// required"}; a user with too small a role gets 403. It never admits the
// kiosk user: only the routes that mount ViewerOrKiosk are open to it.
func Require(need Role) fiber.Handler {
	return func(c *fiber.Ctx) error {
		u := CurrentUser(c)
		if u == nil {
			return anonymous(c)
		}
		if !u.Role.Allows(need) {
			return refuse(c, Refusal{Status: fiber.StatusForbidden, Need: need, Msg: "权限不足：需要 " + string(need) + " 角色 (forbidden: requires role " + string(need) + ")"})
		}
		return c.Next()
	}
}

// ViewerOrKiosk is Require(Viewer) for the wall-screen pages. In kiosk mode
// an anonymous GET or HEAD passes as the read-only user "kiosk", unless it
// asks for an export (a format parameter, as the API and drill-down take):
// the kiosk shows the pages and nothing else, so mount this on the viewer
// pages only, never on the API, exports, drill-down or data routes.
func ViewerOrKiosk() fiber.Handler {
	viewer := Require(Viewer)
	return func(c *fiber.Ctx) error {
		if CurrentUser(c) == nil {
			if m := managerOf(c); m != nil && m.cfg.Kiosk && readOnlyMethod(c.Method()) && !c.Context().QueryArgs().Has("format") {
				c.Locals(UserLocal, kioskUser())
				return c.Next()
			}
		}
		return viewer(c)
	}
}

// anonymous answers a request that needs a login.
func anonymous(c *fiber.Ctx) error {
	if c.Method() == fiber.MethodGet && wantsHTML(c) {
		return c.Redirect("/login?next="+url.QueryEscape(c.OriginalURL()), fiber.StatusFound)
	}
	return deny(c, fiber.StatusUnauthorized, "login required")
}

// readOnlyMethod: the kiosk user only looks.
func readOnlyMethod(method string) bool {
	return method == fiber.MethodGet || method == fiber.MethodHead
}

func wantsHTML(c *fiber.Ctx) bool {
	return strings.Contains(c.Get(fiber.HeaderAccept), fiber.MIMETextHTML)
}

// deny answers an authorization failure: the manager's Page (else a short
// HTML page) for browsers asking for HTML, {"error": msg} for everything else.
func deny(c *fiber.Ctx, status int, msg string) error {
	return refuse(c, Refusal{Status: status, Msg: msg})
}

func refuse(c *fiber.Ctx, r Refusal) error {
	status, msg := r.Status, r.Msg
	c.Set(fiber.HeaderCacheControl, "no-store")
	if wantsHTML(c) {
		if m := managerOf(c); m != nil && m.cfg.Page != nil {
			return m.cfg.Page(c, r)
		}
		c.Status(status).Type("html", "utf-8")
		return c.SendString(`<!doctype html><meta charset="utf-8"><title>` + html.EscapeString(msg) + `</title><p>` + html.EscapeString(msg) + `</p><p><a href="/">返回首页 Home</a></p>`)
	}
	return c.Status(status).JSON(fiber.Map{"error": msg})
}
