package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
)

// samples reads, once per request, what the committed loads hold and
// whether the request's filter shows sample data (analytics decides;
// see analytics/sample.go).
func (s *Server) samples(c *fiber.Ctx, f analytics.Filter) (analytics.Samples, error) {
	if v, ok := c.Locals("corridor.samples").(analytics.Samples); ok {
		return v, nil
	}
	v, err := s.an.Samples(c.UserContext(), f)
	if err == nil {
		c.Locals("corridor.samples", v)
	}
	return v, err
}

// markSamples sets the page's 示例数据 banner and badges (only when
// sample rows are shown) and its switch (only when there is a choice).
func (s *Server) markSamples(c *fiber.Ctx, p *page, f analytics.Filter) error {
	sm, err := s.samples(c, f)
	if err != nil {
		return err
	}
	p.setSamples(sm)
	return nil
}

func (p *page) setSamples(sm analytics.Samples) {
	p.Sample, p.SampleSwitch = sm.Shown, sm.Switchable()
}
