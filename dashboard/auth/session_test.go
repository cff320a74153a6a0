package auth_test

import (
	"encoding/base64"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

func TestLoginAndLogout(t *testing.T) {
	e := newEnv(t, auth.Config{})
	addUsers(t, e.store)
	c := e.client(t)
	r := c.login("analyst1", pw, "/data?year=2021")
	if r.code != 303 || r.hdr.Get("Location") != "/data?year=2021" {
		t.Fatalf("login: %d %q", r.code, r.hdr.Get("Location"))
	}
	ck := r.set[auth.SessionCookie]
	if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Secure || ck.Path != "/" {
		t.Fatalf("session cookie attributes: %+v", ck)
	}
	if c.who() != "analyst1" {
		t.Fatal("not logged in after login")
	}
	r = c.do("POST", "/logout", nil, "X-CSRF-Token", c.token())
	if r.code != 303 || r.hdr.Get("Location") != "/login" || r.set[auth.SessionCookie] == nil {
		t.Fatalf("logout: %d %v", r.code, r.hdr)
	}
	if c.who() != "anonymous" {
		t.Fatal("still logged in after logout")
	}
}

func TestSessionCookieSecureBehindHTTPS(t *testing.T) {
	e := newEnv(t, auth.Config{})
	addUsers(t, e.store)
	c := e.client(t)
	tok := c.token()
	r := c.do("POST", "/login", urlValues("username", "viewer1", "password", pw, "csrf", tok), "X-Forwarded-Proto", "https")
	if ck := r.set[auth.SessionCookie]; r.code != 303 || ck == nil || !ck.Secure {
		t.Fatalf("login over https: %d %+v", r.code, ck)
	}
}

// TestSharedKey: two servers on one database accept each other's sessions
// and CSRF tokens.
func TestSharedKey(t *testing.T) {
	e1 := newEnv(t, auth.Config{})
	e2 := newEnvOn(t, e1.store, e1.clk, auth.Config{})
	addUsers(t, e1.store)
	c1 := e1.client(t)
	c1.mustLogin("viewer1", pw)
	c2 := c1.on(e2)
	if got := c2.who(); got != "viewer1" {
		t.Fatalf("second server sees %q", got)
	}
	tok := c1.token()
	if r := c2.do("POST", "/echo", urlValues("csrf", tok)); r.code != 200 {
		t.Fatalf("CSRF token from server 1 on server 2: %d %s", r.code, r.body)
	}
}

// TestKeyRace: servers starting at the same moment on an empty database
// end up accepting each other's cookies, whoever won the race.
func TestKeyRace(t *testing.T) {
	d := h.DB(t)
	st := &auth.Store{Conn: d.Conn}
	clk := &clock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	envs := make([]*env, 6)
	var wg sync.WaitGroup
	for i := range envs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			envs[i] = newEnvOn(t, st, clk, auth.Config{})
		}()
	}
	wg.Wait()
	var keys uint64
	if err := d.Conn.QueryRow(ctx, "SELECT count() FROM app_secrets").Scan(&keys); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d keys inserted by %d racing servers", keys, len(envs))
	addUsers(t, st)
	for i, from := range envs {
		c := from.client(t)
		c.mustLogin("viewer1", pw)
		for j, to := range envs {
			if got := c.on(to).who(); got != "viewer1" {
				t.Fatalf("cookie from server %d on server %d: %q", i, j, got)
			}
		}
	}
}

func TestTamperedCookieIsAnonymous(t *testing.T) {
	e := newEnv(t, auth.Config{})
	addUsers(t, e.store)
	c := e.client(t)
	c.mustLogin("viewer1", pw)
	good := c.jar[auth.SessionCookie]
	payload, sig, _ := strings.Cut(good, ".")
	p, _ := base64.RawURLEncoding.DecodeString(payload)
	forged := base64.RawURLEncoding.EncodeToString([]byte(strings.Replace(string(p), `"viewer1"`, `"admin1"`, 1)))
	flip := func(s string) string {
		b := []byte(s)
		if b[0] == 'A' {
			b[0] = 'B'
		} else {
			b[0] = 'A'
		}
		return string(b)
	}
	for name, v := range map[string]string{
		"other user, old signature": forged + "." + sig,
		"signature flipped":         payload + "." + flip(sig),
		"no signature":              payload,
		"garbage":                   "x.y.z",
		"empty payload":             "." + sig,
	} {
		c.jar[auth.SessionCookie] = v
		r := c.do("GET", "/me", nil)
		if r.body != "anonymous" {
			t.Errorf("%s: %s", name, r.body)
		}
		if ck := r.set[auth.SessionCookie]; ck == nil || ck.Value != "" {
			t.Errorf("%s: bad cookie not cleared: %+v", name, ck)
		}
	}
	c.jar[auth.SessionCookie] = good
	if c.who() != "viewer1" {
		t.Fatal("good cookie no longer works")
	}
}

func TestSessionExpiry(t *testing.T) {
	e := newEnv(t, auth.Config{})
	addUsers(t, e.store)
	c := e.client(t)
	c.mustLogin("viewer1", pw)
	e.clk.Add(5 * time.Hour) // under half the 12 h: no renewal
	if r := c.do("GET", "/me", nil); r.set[auth.SessionCookie] != nil || !strings.Contains(r.body, "viewer1") {
		t.Fatalf("at 5 h: %s, renewed %v", r.body, r.set[auth.SessionCookie] != nil)
	}
	e.clk.Add(7*time.Hour + time.Second)
	if got := c.who(); got != "anonymous" {
		t.Fatalf("after 12 h: %q", got)
	}
}

func TestSessionSlidingRenewal(t *testing.T) {
	e := newEnv(t, auth.Config{SessionTTL: 12 * time.Hour})
	addUsers(t, e.store)
	c := e.client(t)
	c.mustLogin("viewer1", pw)
	tok := c.token()
	e.clk.Add(7 * time.Hour)
	if r := c.do("GET", "/me", nil); r.set[auth.SessionCookie] == nil {
		t.Fatal("at 7 h the session was not renewed")
	}
	e.clk.Add(7 * time.Hour) // 14 h after login, 7 h after renewal
	if got := c.who(); got != "viewer1" {
		t.Fatalf("renewed session: %q", got)
	}
	// The session id survives renewal, so forms rendered before still post.
	if r := c.do("POST", "/echo", urlValues("csrf", tok)); r.code != 200 {
		t.Fatalf("CSRF token from before the renewal: %d", r.code)
	}
	e.clk.Add(12*time.Hour + time.Second)
	if got := c.who(); got != "anonymous" {
		t.Fatalf("idle 12 h: %q", got)
	}
}

// TestChangesReachSessions: deleting a user, changing a password or a role
// made elsewhere (another server, the CLI) applies once the 30 s cache
// expires; through this Manager (Forget) at once.
func TestChangesReachSessions(t *testing.T) {
	e := newEnv(t, auth.Config{})
	addUsers(t, e.store)
	if err := e.store.Add(ctx, "bob", pw, auth.Viewer); err != nil {
		t.Fatal(err)
	}
	del, pass, role := e.client(t), e.client(t), e.client(t)
	del.mustLogin("viewer1", pw)
	pass.mustLogin("analyst1", pw)
	role.mustLogin("bob", pw)
	for _, c := range []*client{del, pass, role} {
		c.who() // a page view: this server now has the user cached
	}

	if err := e.store.Delete(ctx, "viewer1"); err != nil {
		t.Fatal(err)
	}
	if err := e.store.SetPassword(ctx, "analyst1", "changed-password"); err != nil {
		t.Fatal(err)
	}
	if err := e.store.SetRole(ctx, "bob", auth.Analyst); err != nil {
		t.Fatal(err)
	}
	e.clk.Add(10 * time.Second)
	if del.who() != "viewer1" || pass.who() != "analyst1" || role.do("GET", "/need/analyst", nil).code != 403 {
		t.Fatal("within the cache TTL the old state should still apply (documented)")
	}
	e.clk.Add(21 * time.Second)
	if got := del.who(); got != "anonymous" {
		t.Errorf("deleted user after 31 s: %q", got)
	}
	if got := pass.who(); got != "anonymous" {
		t.Errorf("session from before the password change after 31 s: %q", got)
	}
	if code := role.do("GET", "/need/analyst", nil).code; code != 200 {
		t.Errorf("promoted user after 31 s: %d", code)
	}
	// Through the Manager: at once.
	if err := e.store.SetRole(ctx, "bob", auth.Viewer); err != nil {
		t.Fatal(err)
	}
	e.m.Forget("bob")
	if code := role.do("GET", "/need/analyst", nil).code; code != 403 {
		t.Errorf("demoted and forgotten: %d", code)
	}
	pass.mustLogin("analyst1", "changed-password")
}
