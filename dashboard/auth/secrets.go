package auth

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	chsql "github.com/zibo-kj/corridor/sql"
)

// sessionKeyName is the app_secrets row that holds the session-signing key.
const sessionKeyName = "session_key"

const keyBytes = 32

// loadKeys returns every session key in app_secrets, the canonical one (the
// smallest version) first, creating one when there is none.
//
// ClickHouse has no insert-if-absent, so two servers starting together may
// both insert a key. Both rows stay (version is in the sort key, see
// 0003_auth.sql) and everyone signs with the smallest version, so they
// converge; a server that read before the other's insert verifies with all
// keys and reloads when a signature fails (Manager.verify), so no session
// breaks on the way.
func (s *Store) loadKeys(ctx context.Context) ([][]byte, error) {
	keys, err := s.readKeys(ctx)
	if err != nil || len(keys) > 0 {
		return keys, err
	}
	k := make([]byte, keyBytes)
	_, _ = rand.Read(k) // never fails (crypto/rand panics instead)
	q, err := chsql.Query("auth.InsertSessionKey")
	if err != nil {
		return nil, err
	}
	b, err := s.Conn.PrepareBatch(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("auth: save session key: %w", chsql.Wrap(err))
	}
	if err := b.Append(sessionKeyName, hex.EncodeToString(k), uint64(time.Now().UnixNano())); err != nil {
		_ = b.Abort()
		return nil, fmt.Errorf("auth: save session key: %w", err)
	}
	if err := b.Send(); err != nil {
		return nil, fmt.Errorf("auth: save session key: %w", chsql.Wrap(err))
	}
	if keys, err = s.readKeys(ctx); err == nil && len(keys) == 0 {
		err = fmt.Errorf("auth: session key: saved but not found on re-reading")
	}
	return keys, err
}

func (s *Store) readKeys(ctx context.Context) ([][]byte, error) {
	q, err := chsql.Query("auth.SessionKeys")
	if err != nil {
		return nil, err
	}
	rows, err := s.Conn.Query(ctx, q, clickhouse.Named("name", sessionKeyName))
	if err != nil {
		return nil, fmt.Errorf("auth: read session key: %w", chsql.Wrap(err))
	}
	defer rows.Close()
	var keys [][]byte
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("auth: read session key: %w", err)
		}
		k, err := hex.DecodeString(v)
		if err != nil || len(k) < keyBytes {
			return nil, fmt.Errorf("auth: session key in app_secrets is damaged (want %d hex-encoded bytes)", keyBytes)
		}
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("auth: read session key: %w", chsql.Wrap(err))
	}
	return keys, nil
}
