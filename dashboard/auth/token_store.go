package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	chsql "github.com/zibo-kj/corridor/sql"
)

// TokenPrefix starts every API token, so a leaked one is easy to recognise
// (and to search for in code).
const TokenPrefix = "crd_"

// Token is an API token as stored: never the token itself, only its sha256.
type Token struct {
	ID        string    `ch:"id" json:"id"`
	Username  string    `ch:"username" json:"username"`
	Name      string    `ch:"name" json:"name"`
	Hash      string    `ch:"token_hash" json:"-"`
	CreatedAt time.Time `ch:"created_at" json:"created_at"`
	ExpiresAt time.Time `ch:"expires_at" json:"expires_at"`
	Revoked   uint8     `ch:"revoked" json:"revoked"`
	Version   uint64    `ch:"version" json:"-"`
}

// Active reports whether the token may still be used at now.
func (t Token) Active(now time.Time) bool { return t.Revoked == 0 && now.Before(t.ExpiresAt) }

// ErrTokenNotFound is an unknown token id (or one of another user).
var ErrTokenNotFound = errors.New("no such token")

// MaxTokenTTL bounds a token's life: a forgotten script's token ends.
const MaxTokenTTL = 366 * 24 * time.Hour

// CreateToken makes a token for an active user, valid for ttl, and returns
// it (shown once; only its hash is kept) with its stored row.
func (s *Store) CreateToken(ctx context.Context, user, name string, ttl time.Duration) (string, Token, error) {
	if ttl <= 0 || ttl > MaxTokenTTL {
		return "", Token{}, &FieldError{Field: "expires", Reason: "want a lifetime between 1 second and 366 days"}
	}
	a, err := s.get(ctx, user)
	if err != nil {
		return "", Token{}, err
	}
	if a.Disabled {
		return "", Token{}, fmt.Errorf("auth: user %q is deleted: %w", user, ErrNotFound)
	}
	plain := TokenPrefix + randomSecret(32)
	now := time.Now()
	t := Token{ID: newTokenID(), Username: user, Name: strings.TrimSpace(name), Hash: TokenHash(plain), CreatedAt: now, ExpiresAt: now.Add(ttl), Version: nextVersion(0)}
	if err := s.putToken(ctx, t); err != nil {
		return "", Token{}, err
	}
	return plain, t, nil
}

// RevokeToken ends token id; with owner set, only that user's token.
func (s *Store) RevokeToken(ctx context.Context, id, owner string) (Token, error) {
	ts, err := s.tokens(ctx, "token.ByID", clickhouse.Named("id", id))
	if err != nil {
		return Token{}, err
	}
	if len(ts) == 0 || (owner != "" && ts[0].Username != owner) {
		return Token{}, fmt.Errorf("auth: token %q: %w", id, ErrTokenNotFound)
	}
	t := ts[0]
	t.Revoked, t.Version = 1, nextVersion(t.Version)
	return t, s.putToken(ctx, t)
}

// ListTokens lists user's tokens, or everyone's for "".
func (s *Store) ListTokens(ctx context.Context, user string) ([]Token, error) {
	return s.tokens(ctx, "token.List", clickhouse.Named("user", user))
}

// TokenHash is the stored form of a token: sha256, hex. A token is 256
// random bits, so a fast hash is enough (nothing to guess from it).
func TokenHash(plain string) string {
	h := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(h[:])
}

// tokenByHash finds a presented token's row.
func (s *Store) tokenByHash(ctx context.Context, hash string) (Token, bool, error) {
	ts, err := s.tokens(ctx, "token.ByHash", clickhouse.Named("hash", hash))
	if err != nil || len(ts) == 0 {
		return Token{}, false, err
	}
	return ts[0], true, nil
}

func (s *Store) tokens(ctx context.Context, query string, arg any) ([]Token, error) {
	q, err := chsql.Query(query)
	if err != nil {
		return nil, err
	}
	var out []Token
	if err := s.Conn.Select(ctx, &out, q, arg); err != nil {
		return nil, fmt.Errorf("auth: tokens: %w", chsql.Wrap(err))
	}
	return out, nil
}

func (s *Store) putToken(ctx context.Context, t Token) error {
	q, err := chsql.Query("token.Insert")
	if err != nil {
		return err
	}
	b, err := s.Conn.PrepareBatch(ctx, q)
	if err != nil {
		return fmt.Errorf("auth: save token: %w", chsql.Wrap(err))
	}
	if err := b.AppendStruct(&t); err != nil {
		_ = b.Abort()
		return fmt.Errorf("auth: save token: %w", err)
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("auth: save token: %w", chsql.Wrap(err))
	}
	return nil
}

// newTokenID is a token's public id: 9 random bytes in hex, so that it
// never starts with "-" and reads as an option on a command line
// ("corridor token revoke -21VKB0ZFezl" did).
func newTokenID() string {
	b := make([]byte, 9)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// randomSecret is n random bytes, base64url.
func randomSecret(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b64.EncodeToString(b)
}
