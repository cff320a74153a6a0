package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
)

// Languages a user can choose.
const (
	LangZH = "zh-CN" // the default
	LangEN = "en"
)

func validLang(s string) bool { return s == LangZH || s == LangEN }

// Errors the store returns, wrapped with the user's name; test with errors.Is.
var (
	ErrNotFound       = errors.New("no such user")
	ErrExists         = errors.New("user already exists")
	ErrBadCredentials = errors.New("wrong username or password")
	ErrLastAdmin      = errors.New("this is the last admin; add another admin first")
)

// Store keeps the dashboard's users in the ClickHouse table users (see
// migration 0003_auth.sql). Every change writes a new version of the row and
// readers use FINAL, so the newest version wins. Changes read the current
// row first; two changes to one user at the same instant on two servers can
// lose one of them, which is acceptable for a handful of administrators.
type Store struct {
	Conn driver.Conn
}

// Account is a stored user with what only administrators see.
type Account struct {
	Name      string    `json:"name"`
	Role      Role      `json:"role"`
	Lang      string    `json:"lang"`
	Disabled  bool      `json:"disabled"`
	CreatedAt time.Time `json:"created_at"`

	hash    string
	version uint64
}

// User is the account as a request's user.
func (a Account) User() User { return User{Name: a.Name, Role: a.Role, Lang: a.Lang} }

// userRow is one version of a users row.
type userRow struct {
	Username     string    `ch:"username"`
	Role         string    `ch:"role"`
	PasswordHash string    `ch:"password_hash"`
	Lang         string    `ch:"lang"`
	Disabled     uint8     `ch:"disabled"`
	CreatedAt    time.Time `ch:"created_at"`
	Version      uint64    `ch:"version"`
}

func (r userRow) account() Account {
	return Account{Name: r.Username, Role: Role(r.Role), Lang: r.Lang, Disabled: r.Disabled == 1, CreatedAt: r.CreatedAt, hash: r.PasswordHash, version: r.Version}
}

func (a Account) row() userRow {
	var d uint8
	if a.Disabled {
		d = 1
	}
	return userRow{Username: a.Name, Role: string(a.Role), PasswordHash: a.hash, Lang: a.Lang, Disabled: d, CreatedAt: a.CreatedAt, Version: a.version}
}

// nextVersion orders a change after the row it replaces even if the clock
// went back or two changes fall in one nanosecond.
func nextVersion(prev uint64) uint64 {
	v := uint64(time.Now().UnixNano())
	if v <= prev {
		v = prev + 1
	}
	return v
}

// Add creates a user with language zh-CN. A deleted user's name may be
// added again; an active one gives ErrExists.
func (s *Store) Add(ctx context.Context, name, password string, role Role) error {
	_, err := s.add(ctx, name, password, role)
	return err
}

func (s *Store) add(ctx context.Context, name, password string, role Role) (Account, error) {
	if err := ValidateUsername(name); err != nil {
		return Account{}, err
	}
	if _, err := ParseRole(string(role)); err != nil {
		return Account{}, err
	}
	hash, err := hashPassword(name, password)
	if err != nil {
		return Account{}, err
	}
	old, err := s.get(ctx, name)
	switch {
	case err == nil && !old.Disabled:
		return Account{}, fmt.Errorf("auth: username %q: %w", name, ErrExists)
	case err != nil && !errors.Is(err, ErrNotFound):
		return Account{}, err
	}
	a := Account{Name: name, Role: role, Lang: LangZH, CreatedAt: time.Now(), hash: hash, version: nextVersion(old.version)}
	return a, s.put(ctx, a)
}

// SetPassword replaces an active user's password; every session of the
// user ends (see the package comment).
func (s *Store) SetPassword(ctx context.Context, name, password string) error {
	hash, err := hashPassword(name, password)
	if err != nil {
		return err
	}
	return s.change(ctx, name, func(a *Account) error { a.hash = hash; return nil })
}

// SetRole changes an active user's role. Demoting the last active admin
// gives ErrLastAdmin, so nobody can lock the dashboard out of user management.
func (s *Store) SetRole(ctx context.Context, name string, role Role) error {
	if _, err := ParseRole(string(role)); err != nil {
		return err
	}
	return s.change(ctx, name, func(a *Account) error {
		if a.Role == Admin && role != Admin {
			if err := s.keepAnAdmin(ctx, name); err != nil {
				return err
			}
		}
		a.Role = role
		return nil
	})
}

// SetLang stores an active user's language, LangZH or LangEN.
func (s *Store) SetLang(ctx context.Context, name, lang string) error {
	if !validLang(lang) {
		return &FieldError{Field: "lang", Reason: fmt.Sprintf("%q: want %s or %s", lang, LangZH, LangEN)}
	}
	return s.change(ctx, name, func(a *Account) error { a.Lang = lang; return nil })
}

// Delete disables a user: a new version with disabled = 1, so the name
// cannot log in and its sessions end, while its history stays. Deleting the
// last active admin gives ErrLastAdmin.
func (s *Store) Delete(ctx context.Context, name string) error {
	return s.change(ctx, name, func(a *Account) error {
		if a.Role == Admin {
			if err := s.keepAnAdmin(ctx, name); err != nil {
				return err
			}
		}
		a.Disabled = true
		return nil
	})
}

// Get returns a user, also a deleted one (Disabled set); ErrNotFound if the
// name was never added.
func (s *Store) Get(ctx context.Context, name string) (Account, error) {
	return s.get(ctx, name)
}

// List returns every user, deleted ones included, by name.
func (s *Store) List(ctx context.Context) ([]Account, error) {
	q, err := chsql.Query("auth.ListUsers")
	if err != nil {
		return nil, err
	}
	var rows []userRow
	if err := s.Conn.Select(ctx, &rows, q); err != nil {
		return nil, fmt.Errorf("auth: list users: %w", chsql.Wrap(err))
	}
	out := make([]Account, len(rows))
	for i, r := range rows {
		out[i] = r.account()
	}
	return out, nil
}

// Verify checks a login. Unknown, deleted and wrong-password logins all give
// ErrBadCredentials after the same bcrypt work, so the answer and its timing
// do not tell which names exist.
func (s *Store) Verify(ctx context.Context, name, password string) (User, error) {
	a, err := s.verify(ctx, name, password)
	if err != nil {
		return User{}, err
	}
	return a.User(), nil
}

func (s *Store) verify(ctx context.Context, name, password string) (Account, error) {
	if ValidateUsername(name) != nil || len(password) > maxPasswordLen {
		checkPassword(dummyHash, password)
		return Account{}, ErrBadCredentials
	}
	a, err := s.get(ctx, name)
	if errors.Is(err, ErrNotFound) {
		checkPassword(dummyHash, password)
		return Account{}, ErrBadCredentials
	}
	if err != nil {
		return Account{}, err
	}
	if !checkPassword(a.hash, password) || a.Disabled {
		return Account{}, ErrBadCredentials
	}
	return a, nil
}

// countActive counts users that are not deleted.
func (s *Store) countActive(ctx context.Context) (uint64, error) {
	q, err := chsql.Query("auth.CountActiveUsers")
	if err != nil {
		return 0, err
	}
	var n uint64
	if err := s.Conn.QueryRow(ctx, q).Scan(&n); err != nil {
		return 0, fmt.Errorf("auth: count users: %w", chsql.Wrap(err))
	}
	return n, nil
}

// keepAnAdmin fails unless an active admin other than name exists.
func (s *Store) keepAnAdmin(ctx context.Context, name string) error {
	q, err := chsql.Query("auth.CountOtherAdmins")
	if err != nil {
		return err
	}
	var n uint64
	if err := s.Conn.QueryRow(ctx, q, clickhouse.Named("username", name)).Scan(&n); err != nil {
		return fmt.Errorf("auth: count admins: %w", chsql.Wrap(err))
	}
	if n == 0 {
		return fmt.Errorf("auth: user %q: %w", name, ErrLastAdmin)
	}
	return nil
}

// change applies edit to an active user and writes the result as a new version.
func (s *Store) change(ctx context.Context, name string, edit func(*Account) error) error {
	a, err := s.get(ctx, name)
	if err != nil {
		return err
	}
	if a.Disabled {
		return fmt.Errorf("auth: user %q is deleted (add it again to restore it): %w", name, ErrNotFound)
	}
	if err := edit(&a); err != nil {
		return err
	}
	a.version = nextVersion(a.version)
	return s.put(ctx, a)
}

func (s *Store) get(ctx context.Context, name string) (Account, error) {
	q, err := chsql.Query("auth.GetUser")
	if err != nil {
		return Account{}, err
	}
	var rows []userRow
	if err := s.Conn.Select(ctx, &rows, q, clickhouse.Named("username", name)); err != nil {
		return Account{}, fmt.Errorf("auth: user %q: %w", name, chsql.Wrap(err))
	}
	if len(rows) == 0 {
		return Account{}, fmt.Errorf("auth: user %q: %w", name, ErrNotFound)
	}
	return rows[0].account(), nil
}

// put inserts one row version. A batch sends the values as data blocks, so
// the password hash never appears in query text (or the server's query log).
func (s *Store) put(ctx context.Context, a Account) error {
	q, err := chsql.Query("auth.InsertUser")
	if err != nil {
		return err
	}
	b, err := s.Conn.PrepareBatch(ctx, q)
	if err != nil {
		return fmt.Errorf("auth: save user %q: %w", a.Name, chsql.Wrap(err))
	}
	r := a.row()
	if err := b.AppendStruct(&r); err != nil {
		_ = b.Abort()
		return fmt.Errorf("auth: save user %q: %w", a.Name, err)
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("auth: save user %q: %w", a.Name, chsql.Wrap(err))
	}
	return nil
}
