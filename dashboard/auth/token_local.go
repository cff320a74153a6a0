package auth

import "github.com/gofiber/fiber/v2"

// tokenLocal marks a request authenticated by an API token (see Bearer).
const tokenLocal localKey = 100

// ByToken reports whether the request's user came from an API token rather
// than a session cookie.
func ByToken(c *fiber.Ctx) bool {
	v, _ := c.Locals(tokenLocal).(bool)
	return v
}
