package dashboard

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"strings"

	"github.com/gofiber/fiber/v2"
)

//go:embed templates/*.html
var templateFS embed.FS

// funcs are the few helpers templates need beyond the page's own T/Num/Pct.
var funcs = template.FuncMap{
	"deref": func(p *float64) float64 {
		if p == nil {
			return 0
		}
		return *p
	},
	"pct":    func(p *float64) float64 { return *p * 100 },
	"mul100": func(v float64) float64 { return v * 100 },
	"xlsx":   func(u string) string { return strings.Replace(u, "format=csv", "format=xlsx", 1) },
	"in":     oneLanguage, // the reader's half of a bilingual message from ingest
}

// templates holds one parsed template set per page (each page = layout + page).
type templates struct {
	pages map[string]*template.Template
}

func loadTemplates() (*templates, error) {
	entries, err := templateFS.ReadDir("templates")
	if err != nil {
		return nil, fmt.Errorf("dashboard: templates: %w", err)
	}
	t := &templates{pages: map[string]*template.Template{}}
	for _, e := range entries {
		name := e.Name()
		if name == "layout.html" || strings.HasPrefix(name, "_") {
			continue
		}
		// partials (_review.html) define named templates any page may use
		p, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/_*.html", "templates/"+name)
		if err != nil {
			return nil, fmt.Errorf("dashboard: template %s: %w", name, err)
		}
		t.pages[name[:len(name)-len(".html")]] = p
	}
	return t, nil
}

// render executes a page into a buffer first, so a template error never
// leaves a half-written page.
func (s *Server) render(c *fiber.Ctx, page string, data any) error {
	p, ok := s.tpl.pages[page]
	if !ok {
		return fmt.Errorf("dashboard: no template %q", page)
	}
	if cp := captured(c); cp != nil { // an export reads the page's charts (capture.go)
		cp.page = pageOf(data)
		return nil
	}
	var buf bytes.Buffer
	if err := p.Execute(&buf, data); err != nil {
		return fmt.Errorf("dashboard: render %s: %w", page, err)
	}
	c.Type("html", "utf-8")
	return c.Send(buf.Bytes())
}
