package dashboard

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/ingest"
	chsql "github.com/zibo-kj/corridor/sql"
)

// tableCount is one row of the data page's table list.
type tableCount struct {
	Name string
	Rows uint64
	// Counted is false for a view, whose rows the engine does not count.
	Counted bool
	Engine  string
}

// dataData is the data page's content: loads, tables and a load report.
type dataData struct {
	Database string
	Sources  []ingest.Source
	Tables   []tableCount
	Report   *ingest.Report
	Error    string
	Admin    bool
	Kinds    []string
	// Rejects are the loads whose rejects file is stored (see rejects.go).
	Rejects map[string]bool
	// Summary is the load report's summary in the page's language.
	Summary string
	Rev     reviewView // the review queue: see review.go
}

// dataPage lists loads (sources) with their status and sample flag, the
// tables with row counts, and for admins the upload form and review queue.
func (s *Server) dataPage(c *fiber.Ctx) error {
	if err := params(c); err != nil {
		return err
	}
	p := s.newPage(c, "data")
	d, err := s.dataContent(c)
	if err != nil {
		return err
	}
	p.Data = d
	return s.render(c, "data", p)
}

// dataContent reads the lists of the data page. It reads with the normal
// request deadline even after an upload (whose request may run for
// minutes): the read-only accounts refuse a query allowed more than their
// bound, and clickhouse-go sends the context's deadline as that limit.
func (s *Server) dataContent(c *fiber.Ctx) (*dataData, error) {
	ctx, cancel := context.WithTimeout(c.UserContext(), s.deps.RequestTimeout)
	defer cancel()
	d := &dataData{Database: s.deps.Database, Admin: s.isAdmin(c), Kinds: strings.Split(ingest.KindCodes(), ", ")}
	var err error
	if d.Sources, err = ingest.ListSources(ctx, s.deps.Reader); err != nil {
		return nil, err
	}
	if d.Tables, err = s.tableCounts(ctx); err != nil {
		return nil, err
	}
	if d.Rev, err = s.reviewContent(ctx); err != nil {
		return nil, err
	}
	if d.Rejects, err = rejectsLoads(ctx, s.deps.Reader); err != nil {
		return nil, err
	}
	return d, nil
}

func (s *Server) tableCounts(ctx context.Context) ([]tableCount, error) {
	q, err := chsql.Query("data.TableCounts")
	if err != nil {
		return nil, err
	}
	rows, err := s.deps.Reader.Query(ctx, q)
	if err != nil {
		return nil, chsql.Wrap(err)
	}
	defer rows.Close()
	var list []tableCount
	for rows.Next() {
		var t tableCount
		var n *uint64
		if err := rows.Scan(&t.Name, &n, &t.Engine); err != nil {
			return nil, err
		}
		if n != nil {
			t.Rows, t.Counted = *n, true
		}
		list = append(list, t)
	}
	return list, chsql.Wrap(rows.Err())
}

// uploadHandler loads an uploaded file through the normal ingest path (admins).
func (s *Server) uploadHandler(c *fiber.Ctx) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "请选择要导入的文件 (choose a file)")
	}
	dir, err := os.MkdirTemp("", "corridor-upload-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, filepath.Base(fh.Filename))
	if err := c.SaveFile(fh, path); err != nil {
		return err
	}
	opts := ingest.Options{Path: path, Kind: c.FormValue("kind"), Sheet: c.FormValue("sheet"), SkipBadRows: c.FormValue("skip_bad_rows") == "on", LoadedBy: s.userName(c), MetricUnit: s.an.Catalog.UnitOf}
	var rep *ingest.Report
	var loadErr error
	if ingest.IsText(path) {
		rep, loadErr = ingest.LoadText(c.UserContext(), s.deps.Conn, ingest.TextOptions{Path: path, LoadedBy: opts.LoadedBy})
	} else {
		rep, loadErr = ingest.Load(c.UserContext(), s.deps.Conn, opts)
	}
	s.metrics.ingested(rep)
	if rep != nil && rep.RejectsFile != "" && rep.SourceID != "" {
		if err := saveRejects(c.UserContext(), s.deps.Conn, rep.SourceID, rep.RejectsFile); err != nil {
			return err
		}
	}
	p := s.newPage(c, "data")
	d, err := s.dataContent(c) // after the load, so the lists include it
	if err != nil {
		return err
	}
	d.Report = rep
	if rep != nil {
		d.Summary = uploadSummary(rep, p.Lang)
	}
	if loadErr != nil {
		d.Error = uploadError(loadErr, p.Lang)
		c.Status(fiber.StatusUnprocessableEntity)
	}
	p.Data = d
	return s.render(c, "data", p)
}

// withdrawHandler withdraws one load (admins).
func (s *Server) withdrawHandler(c *fiber.Ctx) error {
	id := c.FormValue("source")
	if _, err := ingest.Withdraw(c.UserContext(), s.deps.Conn, id, s.userName(c)); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, err.Error())
	}
	return c.Redirect("/data", fiber.StatusSeeOther)
}
