package dashboard

import (
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/dashboard/auth"
	chsql "github.com/zibo-kj/corridor/sql"
)

// auditListSize is how many statements the admins' audit list shows.
const auditListSize = 200

// apiQueryHistory answers the user's own last 50 console statements.
func (s *Server) apiQueryHistory(c *fiber.Ctx) error {
	rows, err := s.history(c.UserContext(), auth.CurrentUser(c).Name)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"history": nonNil(rows)})
}

// apiQueryAudit answers everyone's last statements (admins).
func (s *Server) apiQueryAudit(c *fiber.Ctx) error {
	rows, err := s.auditList(c.UserContext(), auditListSize)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"audit": nonNil(rows)})
}

func nonNil[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// schemaColumn is a column in the schema browser; Desc names the catalog
// metrics computed from it, in the user's language.
type schemaColumn struct {
	Name string `json:"name"`
	Type string `json:"type"`
	Desc string `json:"desc,omitempty"`
}

// schemaTable is a table or view with its columns; Desc names the metrics
// that count its rows.
type schemaTable struct {
	Name    string         `json:"name"`
	Desc    string         `json:"desc,omitempty"`
	Columns []schemaColumn `json:"columns"`
}

// apiSchema answers the tables and columns the console's account can read.
func (s *Server) apiSchema(c *fiber.Ctx) error {
	if s.deps.Console == nil {
		return fiber.NewError(fiber.StatusServiceUnavailable, "SQL 控制台未配置 (console not configured)")
	}
	tables, err := s.schema(c, s.lang(c))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"tables": tables})
}

func (s *Server) schema(c *fiber.Ctx, lang string) ([]schemaTable, error) {
	q, err := chsql.Query("console.Schema")
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Table   string `ch:"table"`
		Name    string `ch:"name"`
		Type    string `ch:"type"`
		Comment string `ch:"comment"`
	}
	if err := s.deps.Console.Select(c.UserContext(), &rows, q); err != nil {
		return nil, fmt.Errorf("dashboard: schema: %w", chsql.Wrap(err))
	}
	cols, tabs := metricNames(analytics.DefaultCatalog(), lang)
	out := []schemaTable{}
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].Name != r.Table {
			out = append(out, schemaTable{Name: r.Table, Desc: tabs[r.Table]})
		}
		t := &out[len(out)-1]
		desc := cols[r.Table+"."+r.Name]
		if desc == "" {
			desc = r.Comment
		}
		t.Columns = append(t.Columns, schemaColumn{Name: r.Name, Type: r.Type, Desc: desc})
	}
	return out, nil
}

// metricNames: by "table.column", the metrics summing or reading that
// column; by table, the metrics counting its rows.
func metricNames(cat *analytics.Catalog, lang string) (cols, tables map[string]string) {
	cm, tm := map[string][]string{}, map[string][]string{}
	for _, m := range cat.Metrics {
		name := m.NameZH
		if lang == "en" {
			name = m.NameEN
		}
		if m.Column != "" {
			k := m.Table + "." + m.Column
			cm[k] = append(cm[k], name)
		} else {
			tm[m.Table] = append(tm[m.Table], name)
		}
	}
	join := func(in map[string][]string) map[string]string {
		out := make(map[string]string, len(in))
		for k, v := range in {
			out[k] = strings.Join(v, "、")
		}
		return out
	}
	return join(cm), join(tm)
}
