package dashboard

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/adhoc"
)

// auditRow is one console statement in console_audit (migration 0009).
type auditRow struct {
	QueryID    string    `ch:"query_id" json:"query_id"`
	Username   string    `ch:"username" json:"username"`
	Via        string    `ch:"via" json:"via"`
	StartedAt  time.Time `ch:"started_at" json:"started_at"`
	SQL        string    `ch:"sql" json:"sql"`
	Params     string    `ch:"params" json:"params"`
	ResultRows uint64    `ch:"result_rows" json:"result_rows"`
	ReadRows   uint64    `ch:"read_rows" json:"read_rows"`
	ReadBytes  uint64    `ch:"read_bytes" json:"read_bytes"`
	ElapsedMS  uint64    `ch:"elapsed_ms" json:"elapsed_ms"`
	Truncated  uint8     `ch:"truncated" json:"truncated"`
	ErrorCode  int32     `ch:"error_code" json:"error_code"`
	Error      string    `ch:"error" json:"error"`
}

// auditTimeout bounds the audit write, which runs even when the request
// was cancelled: a cancelled query is audited too.
const auditTimeout = 5 * time.Second

// audit records a finished statement through the writer pool. A failed
// write is logged, not shown: the answer is already computed.
func (s *Server) audit(ctx context.Context, req adhoc.Request, res adhoc.Result, started time.Time, runErr error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), auditTimeout)
	defer cancel()
	params, _ := json.Marshal(req.Params)
	r := auditRow{QueryID: res.QueryID, Username: req.User, Via: req.Via, StartedAt: started, SQL: req.SQL, Params: string(params),
		ResultRows: uint64(res.RowCount), ReadRows: res.ReadRows, ReadBytes: res.ReadBytes, ElapsedMS: uint64(res.ElapsedMS)}
	if res.Truncated {
		r.Truncated = 1
	}
	if runErr != nil {
		p := adhoc.Explain(runErr)
		r.ErrorCode, r.Error = p.Code, p.EN
		if p.Detail != "" {
			r.Error += ": " + p.Detail
		}
	}
	if err := s.insertAudit(ctx, r); err != nil {
		s.deps.Log.Error("console: audit not written", "query_id", r.QueryID, "user", r.Username, "err", err)
	}
}

func (s *Server) insertAudit(ctx context.Context, r auditRow) error {
	q, err := chsql.Query("console.AuditInsert")
	if err != nil {
		return err
	}
	b, err := s.deps.Conn.PrepareBatch(ctx, q)
	if err != nil {
		return fmt.Errorf("dashboard: audit: %w", chsql.Wrap(err))
	}
	if err := b.AppendStruct(&r); err != nil {
		_ = b.Abort()
		return fmt.Errorf("dashboard: audit: %w", err)
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("dashboard: audit: %w", chsql.Wrap(err))
	}
	return nil
}

// history is user's last 50 statements; the audit list is everyone's last n
// (admins only). Both read through the writer pool: the read-only accounts
// are not granted the audit table.
func (s *Server) history(ctx context.Context, user string) ([]auditRow, error) {
	return s.auditRows(ctx, "console.History", clickhouse.Named("user", user))
}

func (s *Server) auditList(ctx context.Context, n int) ([]auditRow, error) {
	return s.auditRows(ctx, "console.AuditList", clickhouse.Named("limit", fmt.Sprint(n)))
}

func (s *Server) auditRows(ctx context.Context, name string, arg any) ([]auditRow, error) {
	q, err := chsql.Query(name)
	if err != nil {
		return nil, err
	}
	var rows []auditRow
	if err := s.deps.Conn.Select(ctx, &rows, q, arg); err != nil {
		return nil, fmt.Errorf("dashboard: %s: %w", name, chsql.Wrap(err))
	}
	return rows, nil
}
