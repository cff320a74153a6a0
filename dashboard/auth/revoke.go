package auth

import (
	"context"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	chsql "github.com/zibo-kj/corridor/sql"
)

// RevocationsTable is the ClickHouse table of sessions ended on the server
// side (migration 0005_session_revocations.sql). Only the writer reads it:
// the engine's read-only accounts must not be granted it.
// Its statements: sql/queries/auth.InsertRevocation.sql, auth.RevokedSessions.sql.
const RevocationsTable = "session_revocations"

// revoke records that session sid of user ends now on every server. until
// is when the last cookie of that session expires; the row is kept that
// long. The values travel as a data block, like the users rows.
func (s *Store) revoke(ctx context.Context, user, sid string, until time.Time) error {
	q, err := chsql.Query("auth.InsertRevocation")
	if err != nil {
		return err
	}
	b, err := s.Conn.PrepareBatch(ctx, q)
	if err != nil {
		return fmt.Errorf("auth: revoke session of %q: %w", user, chsql.Wrap(err))
	}
	if err := b.Append(user, sid, time.Now(), until); err != nil {
		_ = b.Abort()
		return fmt.Errorf("auth: revoke session of %q: %w", user, err)
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("auth: revoke session of %q: %w", user, chsql.Wrap(err))
	}
	return nil
}

// revoked returns the ids of user's revoked sessions whose cookies may
// still be presented.
func (s *Store) revoked(ctx context.Context, user string) (map[string]struct{}, error) {
	q, err := chsql.Query("auth.RevokedSessions")
	if err != nil {
		return nil, err
	}
	rows, err := s.Conn.Query(ctx, q, clickhouse.Named("username", user))
	if err != nil {
		return nil, fmt.Errorf("auth: revoked sessions of %q: %w", user, chsql.Wrap(err))
	}
	defer rows.Close()
	out := map[string]struct{}{}
	for rows.Next() {
		var sid string
		if err := rows.Scan(&sid); err != nil {
			return nil, fmt.Errorf("auth: revoked sessions of %q: %w", user, err)
		}
		out[sid] = struct{}{}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("auth: revoked sessions of %q: %w", user, chsql.Wrap(err))
	}
	return out, nil
}

// endSession revokes the request's session for every server and forgets
// this server's cached lookup of the user, so the next request with a
// copy of the cookie is refused here at once (the lookup reads the new
// revocation); other servers refuse it when their cache entry expires.
func (m *Manager) endSession(ctx context.Context, s *session) error {
	// Any cookie of this session expires within a session lifetime from
	// now (renewals stop once it is revoked), give or take the servers'
	// clock skew. The wall clock, not cfg.Now: ClickHouse compares the row
	// with its own now() and drops it by TTL.
	until := time.Now().Add(m.cfg.SessionTTL + clockSkew)
	if err := m.store.revoke(ctx, s.user.Name, s.claims.SID, until); err != nil {
		return err
	}
	m.Forget(s.user.Name)
	return nil
}
