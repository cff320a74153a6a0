// Package adhoc runs one ad hoc SQL statement for a person — the dashboard's
// SQL console, its API and `corridor query` — on a read-only connection,
// with the per-query limits, server-side parameters and cancellation those
// callers share, and renders results as JSON-ready cells, CSV and XLSX.
//
// The engine is the guard: the connection must be a read-only account
// (readonly=2 profile, constraints, revoked private tables). This package
// adds what a person needs around it: bounds a request may lower, a query
// id and log comment to find the query again, and a result cut at a row cap.
package adhoc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
)

// Request is one statement to run.
type Request struct {
	SQL     string
	Params  map[string]string // {name:Type} values, as text; bound by the server
	User    string            // who runs it: the quota key and the log comment
	Via     string            // "web", "token" or "cli", for the log comment
	QueryID string            // "" makes one
	Limits  Limits
}

// Column is a result column.
type Column struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// Result is a finished statement's answer.
type Result struct {
	Columns   []Column `json:"columns"`
	Rows      [][]any  `json:"rows"`
	RowCount  int      `json:"row_count"`
	Truncated bool     `json:"truncated"` // more rows than Limits.MaxRows: the query was stopped there
	ElapsedMS int64    `json:"elapsed_ms"`
	QueryID   string   `json:"query_id"`
	ReadRows  uint64   `json:"read_rows"`
	ReadBytes uint64   `json:"read_bytes"`
}

// ErrEmpty is a request without SQL.
var ErrEmpty = errors.New("adhoc: no SQL given")

// Run runs req on conn and reads at most req.Limits.MaxRows rows. When the
// result has more, the query is cancelled there and Truncated is set. ctx
// ends the query early (a client gone, a cancel button). Errors are
// *chsql.Error where the server answered; the Result still carries the
// query id, elapsed time and what was read, for the audit.
func Run(ctx context.Context, conn driver.Conn, req Request) (Result, error) {
	res := Result{QueryID: req.QueryID, Rows: [][]any{}}
	if res.QueryID == "" {
		res.QueryID = NewQueryID()
	}
	if strings.TrimSpace(stripComments(req.SQL)) == "" {
		return res, ErrEmpty
	}
	lim := req.Limits.Clamp()
	// The driver turns a context deadline into max_execution_time (deadline
	// + 5 s), overriding the limit set here: the query's context keeps the
	// caller's values and cancellation but not its deadline.
	qctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()
	var readRows, readBytes atomic.Uint64
	qctx = clickhouse.Context(qctx,
		clickhouse.WithQueryID(res.QueryID),
		clickhouse.WithQuotaKey(req.User),
		clickhouse.WithSettings(lim.settings(logComment(req, res.QueryID))),
		clickhouse.WithParameters(escapeParams(req.Params)),
		clickhouse.WithProgress(func(p *clickhouse.Progress) {
			readRows.Add(p.Rows)
			readBytes.Add(p.Bytes)
		}))
	start := time.Now()
	err := read(qctx, cancel, conn, req.SQL, lim.MaxRows, &res)
	res.ElapsedMS = time.Since(start).Milliseconds()
	res.ReadRows, res.ReadBytes = readRows.Load(), readBytes.Load()
	res.RowCount = len(res.Rows)
	if err != nil {
		if ctx.Err() != nil && chsql.KindOf(err) != chsql.KindTimeout {
			err = fmt.Errorf("%w: %w", err, ctx.Err()) // the caller's end, not the server's
		}
		return res, fmt.Errorf("adhoc: %w", chsql.Wrap(err))
	}
	return res, nil
}

// read streams the result into res, stopping after max rows.
func read(ctx context.Context, cancel context.CancelFunc, conn driver.Conn, sqlText string, max int, res *Result) error {
	rows, err := conn.Query(ctx, sqlText)
	if errors.Is(err, io.EOF) && conn.Ping(ctx) == nil {
		// A statement with no result (SET): the driver reports its end as
		// EOF. The ping tells that apart from a connection that died.
		return nil
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	types := rows.ColumnTypes()
	for i, name := range rows.Columns() {
		res.Columns = append(res.Columns, Column{Name: name, Type: types[i].DatabaseTypeName()})
	}
	dest := scanDests(types)
	for rows.Next() {
		if len(res.Rows) == max {
			res.Truncated = true
			cancel() // stop the server reading; Close then returns at once
			return nil
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		res.Rows = append(res.Rows, cells(dest))
	}
	return rows.Err()
}

// logComment lands in system.query_log, so an administrator can tell whose
// query it was; the user name is quoted by %q, so it cannot forge fields.
func logComment(req Request, id string) string {
	via := req.Via
	if via == "" {
		via = "console"
	}
	return fmt.Sprintf("corridor %s user=%q query_id=%s", via, req.User, id)
}
