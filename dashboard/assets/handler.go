package assets

import (
	"strings"

	"github.com/gofiber/fiber/v2"
)

// BasePath is where all asset URLs start; the content hash follows it.
const BasePath = "/assets/"

const (
	cacheImmutable = "public, max-age=31536000, immutable"
	// Files asked for under another hash — a page rendered before a deploy —
	// are still served, so open tabs keep working, but must not be cached
	// under that URL, which belongs to other contents.
	cacheStale = "no-cache"
)

// Register mounts Handler on r for GET and HEAD under BasePath. r must be
// the app itself or a group at the root, as Prefix() is an absolute path.
func Register(r fiber.Router) {
	r.Get(BasePath+"*", Handler()) // Fiber v2's Get also registers HEAD
}

// Handler serves the embedded files at BasePath<hash>/<name>, with
// long-lived caching, a strong ETag per representation, and brotli or gzip
// chosen from Accept-Encoding. Unknown names under BasePath get 404; other
// paths are passed on with c.Next, so it can also be used with app.Use.
func Handler() fiber.Handler {
	return func(c *fiber.Ctx) error {
		rest, ok := strings.CutPrefix(c.Path(), BasePath)
		if !ok {
			return c.Next()
		}
		s := index()
		hash, name, _ := strings.Cut(rest, "/")
		a := s.files[name]
		if a == nil {
			return fiber.ErrNotFound
		}
		enc := identity
		if a.compressible {
			enc = negotiate(c.Get(fiber.HeaderAcceptEncoding))
			c.Vary(fiber.HeaderAcceptEncoding)
		}
		body, contentEncoding, tag := a.variant(enc)
		etag := `"` + tag + `"`
		if hash == s.hash {
			c.Set(fiber.HeaderCacheControl, cacheImmutable)
		} else {
			c.Set(fiber.HeaderCacheControl, cacheStale)
		}
		c.Set(fiber.HeaderETag, etag)
		c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
		if etagMatch(c.Get(fiber.HeaderIfNoneMatch), tag) {
			return c.SendStatus(fiber.StatusNotModified)
		}
		c.Set(fiber.HeaderContentType, a.ctype)
		if contentEncoding != "" {
			c.Set(fiber.HeaderContentEncoding, contentEncoding)
		}
		// SetBodyRaw avoids copying up to 1 MB per request; the embedded
		// bytes and cached variants are never modified.
		c.Response().SetBodyRaw(body)
		return nil
	}
}

// etagMatch implements If-None-Match's weak comparison (RFC 9110 §13.1.2).
func etagMatch(header, tag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.Trim(strings.TrimPrefix(t, "W/"), `"`) == tag {
			return true
		}
	}
	return false
}
