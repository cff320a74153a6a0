package dashboard

import (
	"github.com/gofiber/fiber/v2"
	chsql "github.com/zibo-kj/corridor/sql"
)

// tableCount is one row of the data page's table list.
type tableCount struct {
	Name   string
	Rows   uint64
	Engine string
}

// dataPage lists the database's tables with their row counts.
func (s *Server) dataPage(c *fiber.Ctx) error {
	q, err := chsql.Query("data.TableCounts")
	if err != nil {
		return err
	}
	rows, err := s.deps.Conn.Query(c.UserContext(), q)
	if err != nil {
		return chsql.Wrap(err)
	}
	defer rows.Close()
	var list []tableCount
	for rows.Next() {
		var t tableCount
		var n *uint64
		if err := rows.Scan(&t.Name, &n, &t.Engine); err != nil {
			return err
		}
		if n != nil {
			t.Rows = *n
		}
		list = append(list, t)
	}
	if err := rows.Err(); err != nil {
		return chsql.Wrap(err)
	}
	return s.render(c, "data", fiber.Map{"Title": "数据概况", "Database": s.deps.Database, "Tables": list})
}
