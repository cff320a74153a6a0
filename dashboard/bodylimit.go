package dashboard

import (
	"github.com/gofiber/fiber/v2"
)

// Request body limits. Bodies are streamed (fiber.Config.StreamRequestBody),
// so nothing beyond the first few KiB is read before a handler asks for it,
// and limitBody refuses an oversized body from its Content-Length alone.
const (
	defaultBodyLimit = 1 << 20  // forms and logins: a few KiB in practice
	uploadBodyLimit  = 64 << 20 // district spreadsheets, uploaded by admins
	uploadRoute      = "/data/upload"
)

// bodyLimitFor is the largest body a route accepts: only the admins'
// upload takes large ones.
func bodyLimitFor(method, path string) int {
	if method == fiber.MethodPost && path == uploadRoute {
		return uploadBodyLimit
	}
	return defaultBodyLimit
}

// limitBody refuses, before reading it, a body over the route's limit
// (413), one of unknown length (411: chunked bodies could grow without
// bound, and browsers always send a length) and a compressed one (415: a
// small body could inflate without bound). The refused body stays unread,
// so the connection is closed after the answer, as it is whenever a
// handler leaves part of a body unread: the next request on it would
// otherwise be read from the middle of this body.
func limitBody(c *fiber.Ctx) error {
	h := &c.Request().Header
	n := h.ContentLength()
	var refuse *fiber.Error
	switch {
	case len(h.Peek(fiber.HeaderContentEncoding)) > 0:
		refuse = fiber.NewError(fiber.StatusUnsupportedMediaType, msgBodyEncoded)
	case n == -1:
		refuse = fiber.NewError(fiber.StatusLengthRequired, msgBodyLength)
	case n > bodyLimitFor(c.Method(), c.Path()):
		refuse = fiber.NewError(fiber.StatusRequestEntityTooLarge, msgBodyTooLarge)
	}
	if refuse != nil {
		c.Context().SetConnectionClose()
		return refuse
	}
	err := c.Next()
	if n > 0 && c.Request().IsBodyStream() { // not (wholly) read by the handler
		c.Context().SetConnectionClose()
	}
	return err
}
