package dashboard

import (
	"fmt"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/auth"
)

// pageCache keeps rendered pages until new data is loaded: the key starts
// with the data version, which changes whenever a load commits or is
// withdrawn, so a stale page is never served. Bounded: when full it starts over.
type pageCache struct {
	mu    sync.Mutex
	max   int
	pages map[string][]byte
}

func newPageCache(max int) *pageCache {
	return &pageCache{max: max, pages: map[string][]byte{}}
}

func (p *pageCache) get(k string) ([]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	b, ok := p.pages[k]
	return b, ok
}

func (p *pageCache) put(k string, b []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.pages) >= p.max {
		p.pages = map[string][]byte{}
	}
	p.pages[k] = b
}

// cached serves a page from the cache when the data has not changed since
// it was rendered for this session, language and URL.
func (s *Server) cached(h fiber.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		v, err := s.dataVersion(c)
		if err != nil {
			return err
		}
		key := v + "|" + s.lang(c) + "|" + auth.CSRFToken(c) + "|" + c.OriginalURL()
		body, ok := s.cache.get(key)
		s.metrics.cacheLookup("page", ok)
		if ok {
			c.Set("X-Cache", "hit")
			c.Type("html", "utf-8")
			return c.Send(body)
		}
		if err := h(c); err != nil {
			return err
		}
		if c.Response().StatusCode() == fiber.StatusOK {
			s.cache.put(key, append([]byte(nil), c.Response().Body()...))
		}
		c.Set("X-Cache", "miss")
		return nil
	}
}

// overview returns the overview analytics for a filter, computed once per
// data version and shared by every session: a leader logging in after a
// load pays nothing if anyone has looked since.
func (s *Server) overview(c *fiber.Ctx, f analytics.Filter) (*analytics.Overview, error) {
	v, err := s.dataVersion(c)
	if err != nil {
		return nil, err
	}
	key := fmt.Sprintf("overview|%s|%+v", v, f)
	s.results.mu.Lock()
	o, ok := s.results.m[key]
	s.results.mu.Unlock()
	s.metrics.cacheLookup("overview", ok)
	if ok {
		return o, nil
	}
	o, err = s.an.Overview(c.UserContext(), f, s.weights, time.Now())
	if err != nil {
		return nil, err
	}
	s.results.mu.Lock()
	if len(s.results.m) >= 64 {
		s.results.m = map[string]*analytics.Overview{}
	}
	s.results.m[key] = o
	s.results.mu.Unlock()
	return o, nil
}

// resultCache holds computed overviews by data version and filter.
type resultCache struct {
	mu sync.Mutex
	m  map[string]*analytics.Overview
}

// dataVersion reads the data version once per request: the page cache and
// the overview cache both key on it.
func (s *Server) dataVersion(c *fiber.Ctx) (string, error) {
	if v, ok := c.Locals("corridor.dataVersion").(string); ok {
		return v, nil
	}
	v, err := s.an.DataVersion(c.UserContext())
	if err == nil {
		c.Locals("corridor.dataVersion", v)
		// analytics keys what it remembers on the same version: one read a request
		c.SetUserContext(analytics.WithDataVersion(c.UserContext(), v))
	}
	return v, err
}
