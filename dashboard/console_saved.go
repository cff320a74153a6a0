package dashboard

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/dashboard/auth"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/adhoc"
)

// savedQuery is a named console query (table saved_queries, migration 0009).
type savedQuery struct {
	ID        string    `ch:"id" json:"id"`
	Owner     string    `ch:"owner" json:"owner"`
	Name      string    `ch:"name" json:"name"`
	SQL       string    `ch:"sql" json:"sql"`
	Params    string    `ch:"params" json:"params"`
	Shared    uint8     `ch:"shared" json:"shared"`
	Deleted   uint8     `ch:"deleted" json:"-"`
	UpdatedAt time.Time `ch:"updated_at" json:"updated_at"`
	Version   uint64    `ch:"version" json:"-"`
}

// apiSavedList answers the user's own saved queries and the shared ones.
func (s *Server) apiSavedList(c *fiber.Ctx) error {
	rows, err := s.savedRows(c.UserContext(), "console.SavedList", clickhouse.Named("user", auth.CurrentUser(c).Name))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"saved": nonNil(rows)})
}

// apiSavedCreate saves a query: JSON {name, sql, params, shared}.
func (s *Server) apiSavedCreate(c *fiber.Ctx) error {
	var in struct {
		Name   string          `json:"name"`
		SQL    string          `json:"sql"`
		Params json.RawMessage `json:"params"`
		Shared bool            `json:"shared"`
	}
	if err := json.Unmarshal(c.Body(), &in); err != nil || strings.TrimSpace(in.Name) == "" || strings.TrimSpace(in.SQL) == "" || len(in.Name) > 200 {
		return fiber.NewError(fiber.StatusBadRequest, "需要名称和 SQL (want a name and SQL)")
	}
	q := savedQuery{ID: adhoc.NewQueryID(), Owner: auth.CurrentUser(c).Name, Name: strings.TrimSpace(in.Name), SQL: in.SQL,
		Params: string(in.Params), UpdatedAt: time.Now(), Version: uint64(time.Now().UnixNano())}
	if in.Shared {
		q.Shared = 1
	}
	if err := s.putSaved(c.UserContext(), q); err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(q)
}

// apiSavedDelete deletes one of the user's own saved queries.
func (s *Server) apiSavedDelete(c *fiber.Ctx) error {
	rows, err := s.savedRows(c.UserContext(), "console.SavedByID", clickhouse.Named("id", c.Params("id")))
	if err != nil {
		return err
	}
	if len(rows) == 0 || rows[0].Deleted == 1 || rows[0].Owner != auth.CurrentUser(c).Name {
		return fiber.NewError(fiber.StatusNotFound, "没有这个已保存的查询 (no such saved query of yours)")
	}
	q := rows[0]
	q.Deleted, q.UpdatedAt, q.Version = 1, time.Now(), max(uint64(time.Now().UnixNano()), q.Version+1)
	if err := s.putSaved(c.UserContext(), q); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) savedRows(ctx context.Context, name string, arg any) ([]savedQuery, error) {
	q, err := chsql.Query(name)
	if err != nil {
		return nil, err
	}
	var rows []savedQuery
	if err := s.deps.Conn.Select(ctx, &rows, q, arg); err != nil {
		return nil, fmt.Errorf("dashboard: %s: %w", name, chsql.Wrap(err))
	}
	return rows, nil
}

func (s *Server) putSaved(ctx context.Context, q savedQuery) error {
	sqlText, err := chsql.Query("console.SavedInsert")
	if err != nil {
		return err
	}
	b, err := s.deps.Conn.PrepareBatch(ctx, sqlText)
	if err != nil {
		return fmt.Errorf("dashboard: save query: %w", chsql.Wrap(err))
	}
	if err := b.AppendStruct(&q); err != nil {
		_ = b.Abort()
		return fmt.Errorf("dashboard: save query: %w", err)
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("dashboard: save query: %w", chsql.Wrap(err))
	}
	return nil
}
