package dashboard

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/gofiber/fiber/v2"
	chsql "github.com/zibo-kj/corridor/sql"
)

// saveRejects keeps an upload's rejects file with its load (table
// load_rejects): the file is written into the upload's temporary folder,
// which is gone once the request ends, and the data page links to it.
func saveRejects(ctx context.Context, conn driver.Conn, sourceID, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("dashboard: rejects of %s: %w", sourceID, err)
	}
	q, err := chsql.Query("data.InsertRejects")
	if err != nil {
		return err
	}
	batch, err := conn.PrepareBatch(ctx, q)
	if err != nil {
		return fmt.Errorf("dashboard: rejects of %s: %w", sourceID, chsql.Wrap(err))
	}
	if err := batch.Append(sourceID, filepath.Base(path), string(b), time.Now()); err != nil {
		_ = batch.Abort()
		return fmt.Errorf("dashboard: rejects of %s: %w", sourceID, err)
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("dashboard: rejects of %s: %w", sourceID, chsql.Wrap(err))
	}
	return nil
}

// rejectsLoads is the set of loads with a stored rejects file.
func rejectsLoads(ctx context.Context, conn driver.Conn) (map[string]bool, error) {
	q, err := chsql.Query("data.RejectsLoads")
	if err != nil {
		return nil, err
	}
	var ids []struct {
		ID string `ch:"source_id"`
	}
	if err := conn.Select(ctx, &ids, q); err != nil {
		return nil, fmt.Errorf("dashboard: loads with rejects: %w", chsql.Wrap(err))
	}
	out := make(map[string]bool, len(ids))
	for _, r := range ids {
		out[r.ID] = true
	}
	return out, nil
}

// rejectsHandler sends a load's stored rejects file (analysts, as the data
// page that links to it: the file holds the refused rows in full).
func (s *Server) rejectsHandler(c *fiber.Ctx) error {
	q, err := chsql.Query("data.RejectsFile")
	if err != nil {
		return err
	}
	var name, content string
	err = s.deps.Reader.QueryRow(c.UserContext(), q, clickhouse.Named("source_id", c.Params("source"))).Scan(&name, &content)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fiber.NewError(fiber.StatusNotFound, tr(s.lang(c), "rejects_gone"))
	case err != nil:
		return fmt.Errorf("dashboard: rejects file: %w", chsql.Wrap(err))
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, attachment(name))
	return c.SendString(content)
}
