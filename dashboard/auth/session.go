package auth

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Cookie names.
const (
	SessionCookie = "corridor_session"
	LangCookie    = "corridor_lang"
	csrfCookie    = "corridor_csrf"
)

// DefaultSessionTTL is how long a session lasts without activity; a session
// used after half of it is renewed (sliding expiry).
const DefaultSessionTTL = 12 * time.Hour

const (
	userCacheTTL   = 30 * time.Second // see the package comment
	keyReloadEvery = 30 * time.Second // at most one key reload per this, however many bad cookies arrive
	clockSkew      = time.Minute      // servers' clocks may differ this much
)

// Config tunes a Manager. The zero value is usable.
type Config struct {
	// Kiosk serves anonymous GET requests to the routes that mount
	// ViewerOrKiosk (the viewer pages) as the read-only user "kiosk", for a
	// wall screen; the API, exports and everything above viewer still need
	// a login.
	Kiosk bool
	// SessionTTL is the session lifetime; 0 means DefaultSessionTTL.
	SessionTTL time.Duration
	// Now is the clock (tests move it); nil means time.Now.
	Now func() time.Time
	// Log receives logins, failures and rejected cookies; nil means slog.Default().
	Log *slog.Logger
	// Page renders a refusal (403, or a 400 of a form) for a browser asking
	// for HTML, so it looks like the rest of the site; nil means a minimal
	// page. API and script requests get JSON whatever this is.
	Page func(c *fiber.Ctx, r Refusal) error
}

// Refusal is a request auth turned away, as Config.Page receives it.
type Refusal struct {
	Status int
	Msg    string // Chinese, then English in brackets
	// Need is the role the request lacked; empty for other refusals (a
	// missing CSRF token, a bad form value).
	Need Role
}

// Manager issues and checks sessions for one server process.
type Manager struct {
	store  *Store
	cfg    Config
	users  *userCache
	limits *limiter

	keyMu      sync.RWMutex
	keys       [][]byte  // keys[0] signs; all verify
	lastReload time.Time // last reload caused by an unknown signature
}

// NewManager loads the session key shared by all servers on this database,
// creating it on first use.
func NewManager(ctx context.Context, store *Store, cfg Config) (*Manager, error) {
	if store == nil || store.Conn == nil {
		return nil, errors.New("auth: NewManager needs a Store with a connection")
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = DefaultSessionTTL
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	keys, err := store.loadKeys(ctx)
	if err != nil {
		return nil, err
	}
	return &Manager{store: store, cfg: cfg, keys: keys, users: newUserCache(userCacheTTL), limits: newLimiter(cfg.Now)}, nil
}

// Store is the user store the Manager reads.
func (m *Manager) Store() *Store { return m.store }

// Forget drops this server's cached lookup of a user, so a change made
// through this server (role, password, deletion) applies at its next request.
// Other servers see it when their cache entry expires (30 s).
func (m *Manager) Forget(name string) { m.users.forget(name) }

// claims are what a session cookie says. The role is deliberately absent:
// it is read from the users table (cached briefly) on every request.
type claims struct {
	User string `json:"u"`
	SID  string `json:"sid"` // random; CSRF tokens are derived from it
	PW   string `json:"pw"`  // fingerprint of the password hash: a password change ends the session
	IAT  int64  `json:"iat"` // unix seconds, issued (or last renewed)
	EXP  int64  `json:"exp"` // unix seconds
}

// session is a verified cookie of an active user, kept in the request's locals.
type session struct {
	claims claims
	user   User
	acct   Account
}

// Locals keys of this package; "user" is the one handlers read (CurrentUser).
type localKey int

const (
	managerLocal localKey = iota
	sessionLocal
	csrfLocal
)

// UserLocal is the c.Locals key holding the request's *User (nil when anonymous).
const UserLocal = "user"

func mac(key []byte, domain, msg string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(domain))
	h.Write([]byte{0})
	h.Write([]byte(msg))
	return h.Sum(nil)
}

var b64 = base64.RawURLEncoding

func randomID() string {
	b := make([]byte, 18)
	_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
	return b64.EncodeToString(b)
}

func (m *Manager) signingKey() []byte {
	m.keyMu.RLock()
	defer m.keyMu.RUnlock()
	return m.keys[0]
}

func (m *Manager) allKeys() [][]byte {
	m.keyMu.RLock()
	defer m.keyMu.RUnlock()
	return m.keys
}

// reloadKeys re-reads app_secrets after a signature matched no known key:
// another server may have won the race to create the key (see loadKeys).
// Throttled, so forged cookies cannot turn into a query each.
func (m *Manager) reloadKeys(ctx context.Context) bool {
	m.keyMu.Lock()
	now := m.cfg.Now()
	if !m.lastReload.IsZero() && now.Sub(m.lastReload) < keyReloadEvery {
		m.keyMu.Unlock()
		return false
	}
	m.lastReload = now
	m.keyMu.Unlock()
	keys, err := m.store.readKeys(ctx)
	if err != nil || len(keys) == 0 {
		m.cfg.Log.Warn("auth: reload session keys", "err", err)
		return false
	}
	m.keyMu.Lock()
	m.keys = keys
	m.keyMu.Unlock()
	return true
}

// pwFingerprint binds a session to the password hash it was issued under
// without putting anything derived from the hash alone into the cookie.
func pwFingerprint(key []byte, hash string) string {
	return b64.EncodeToString(mac(key, "corridor password v1", hash)[:12])
}

func (m *Manager) encode(cl claims) string {
	p, _ := json.Marshal(cl) // plain struct: cannot fail
	payload := b64.EncodeToString(p)
	return payload + "." + b64.EncodeToString(mac(m.signingKey(), "corridor session v1", payload))
}

// decode checks a cookie's signature and returns its claims and the key
// that signed it.
func (m *Manager) decode(ctx context.Context, raw string) (claims, []byte, bool) {
	payload, sig, ok := strings.Cut(raw, ".")
	want, err := b64.DecodeString(sig)
	if !ok || err != nil {
		return claims{}, nil, false
	}
	for try := 0; try < 2; try++ {
		for _, k := range m.allKeys() {
			if !hmac.Equal(want, mac(k, "corridor session v1", payload)) {
				continue
			}
			var cl claims
			p, err := b64.DecodeString(payload)
			if err != nil || json.Unmarshal(p, &cl) != nil {
				return claims{}, nil, false
			}
			return cl, k, true
		}
		if try == 0 && !m.reloadKeys(ctx) {
			break
		}
	}
	return claims{}, nil, false
}

// Session is the middleware that reads the session cookie: for an active
// user it puts the *User into c.Locals("user") (nil when anonymous) and
// renews the cookie once half its lifetime is used. A cookie that is
// tampered with, expired, or whose user is gone, deleted or has a new
// password, or whose session was logged out (a copy of the cookie), is
// cleared and the request goes on anonymously. Mount it before
// CSRF and Require.
func (m *Manager) Session() fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Locals(managerLocal, m)
		raw := c.Cookies(SessionCookie)
		if raw == "" {
			return c.Next()
		}
		s, err := m.resume(c.UserContext(), raw)
		if err != nil {
			return err
		}
		if s == nil {
			m.clearSession(c)
			return c.Next()
		}
		c.Locals(sessionLocal, s)
		c.Locals(UserLocal, &s.user)
		now := m.cfg.Now()
		if now.Sub(time.Unix(s.claims.IAT, 0)) > m.cfg.SessionTTL/2 {
			m.writeSession(c, m.newClaims(s.acct, s.claims.SID))
		}
		return c.Next()
	}
}

// resume verifies a cookie; nil (and no error) means anonymous.
func (m *Manager) resume(ctx context.Context, raw string) (*session, error) {
	cl, key, ok := m.decode(ctx, raw)
	if !ok {
		m.cfg.Log.Debug("auth: session cookie with a bad signature")
		return nil, nil
	}
	now := m.cfg.Now()
	if now.Unix() >= cl.EXP || time.Unix(cl.IAT, 0).After(now.Add(clockSkew)) {
		return nil, nil
	}
	e, err := m.lookup(ctx, cl.User)
	if err != nil {
		return nil, err
	}
	a := e.acct
	if !e.found || a.Disabled || !hmac.Equal([]byte(cl.PW), []byte(pwFingerprint(key, a.hash))) {
		return nil, nil
	}
	if _, gone := e.revoked[cl.SID]; gone {
		return nil, nil // logged out; this is a copy of the cookie
	}
	return &session{claims: cl, user: a.User(), acct: a}, nil
}

// lookup reads a user and the user's revoked sessions through the cache.
func (m *Manager) lookup(ctx context.Context, name string) (cachedUser, error) {
	now := m.cfg.Now()
	if e, ok := m.users.get(name, now); ok {
		return e, nil
	}
	a, err := m.store.get(ctx, name)
	if errors.Is(err, ErrNotFound) {
		e := cachedUser{at: now}
		m.users.put(name, e)
		return e, nil
	}
	if err != nil {
		return cachedUser{}, fmt.Errorf("auth: session: %w", err)
	}
	revoked, err := m.store.revoked(ctx, name)
	if err != nil {
		return cachedUser{}, fmt.Errorf("auth: session: %w", err)
	}
	e := cachedUser{acct: a, found: true, revoked: revoked, at: now}
	m.users.put(name, e)
	return e, nil
}

// newClaims starts (sid "") or renews a session for a, signed with the current key.
func (m *Manager) newClaims(a Account, sid string) claims {
	if sid == "" {
		sid = randomID()
	}
	now := m.cfg.Now()
	return claims{User: a.Name, SID: sid, PW: pwFingerprint(m.signingKey(), a.hash), IAT: now.Unix(), EXP: now.Add(m.cfg.SessionTTL).Unix()}
}

func (m *Manager) writeSession(c *fiber.Ctx, cl claims) {
	c.Cookie(&fiber.Cookie{
		Name: SessionCookie, Value: m.encode(cl), Path: "/",
		MaxAge:   int(m.cfg.SessionTTL / time.Second),
		Secure:   isHTTPS(c),
		HTTPOnly: true,
		SameSite: fiber.CookieSameSiteLaxMode,
	})
}

func (m *Manager) clearSession(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{
		Name: SessionCookie, Value: "", Path: "/",
		Expires:  time.Unix(0, 0),
		Secure:   isHTTPS(c),
		HTTPOnly: true,
		SameSite: fiber.CookieSameSiteLaxMode,
	})
}

// isHTTPS reports whether the browser talks HTTPS to us, directly or
// through a proxy that says so; cookies are then marked Secure.
func isHTTPS(c *fiber.Ctx) bool {
	if c.Protocol() == "https" {
		return true
	}
	proto, _, _ := strings.Cut(c.Get(fiber.HeaderXForwardedProto), ",")
	return strings.EqualFold(strings.TrimSpace(proto), "https")
}

func managerOf(c *fiber.Ctx) *Manager {
	m, _ := c.Locals(managerLocal).(*Manager)
	return m
}

func sessionOf(c *fiber.Ctx) *session {
	s, _ := c.Locals(sessionLocal).(*session)
	return s
}
