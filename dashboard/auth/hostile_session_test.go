package auth_test

import (
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

// copyOf is another browser holding a copy of c's cookies (a stolen cookie).
func copyOf(c *client, e *env) *client {
	jar := map[string]string{}
	for k, v := range c.jar {
		jar[k] = v
	}
	return &client{t: c.t, app: e.app, jar: jar, ip: "203.0.113.99"}
}

// TestHostileCopiedSessionCookie: a copy of a session cookie stops working
// once its session is logged out or its password changed, on this server at
// once and on every other server sharing the database within the 30 s user
// cache; the user's other sessions and new logins are not affected.
func TestHostileCopiedSessionCookie(t *testing.T) {
	cases := []struct {
		name string
		end  func(e *env, victim *client) // ends the session the copy was taken from
		// other servers: a fresh one refuses at once; one that looked the
		// user up just before refuses within the cache TTL.
		keepsOthers bool // the user's other sessions survive
	}{
		{"logout", func(e *env, v *client) {
			if r := v.do("POST", "/logout", nil, "X-CSRF-Token", v.token()); r.code != 303 {
				t.Fatalf("logout: %d %s", r.code, r.body)
			}
		}, true},
		{"password change through this server", func(e *env, v *client) {
			if err := e.store.SetPassword(ctx, "analyst1", "brand-new-secret-7"); err != nil {
				t.Fatal(err)
			}
			e.m.Forget("analyst1")
		}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, auth.Config{})
			warm := newEnvOn(t, e.store, e.clk, auth.Config{}) // another server that has the user cached
			addUsers(t, e.store)
			victim, other := e.client(t), e.client(t)
			victim.mustLogin("analyst1", pw)
			other.mustLogin("analyst1", pw)
			thief := copyOf(victim, e)
			if got := thief.who(); got != "analyst1" {
				t.Fatalf("the copy works before the session ends: %q", got)
			}
			onWarm := copyOf(victim, warm)
			if got := onWarm.who(); got != "analyst1" {
				t.Fatalf("copy on the other server before: %q", got)
			}

			tc.end(e, victim)
			if got := thief.who(); got != "anonymous" {
				t.Fatalf("copied cookie on the same server right after: %q, want anonymous", got)
			}
			if code := thief.do("GET", "/need/viewer", nil).code; code != 401 {
				t.Fatalf("copied cookie on a viewer route: %d, want 401", code)
			}
			cold := newEnvOn(t, e.store, e.clk, auth.Config{})
			if got := copyOf(victim, cold).who(); got != "anonymous" {
				t.Fatalf("copied cookie on a fresh server: %q", got)
			}
			e.clk.Add(31 * time.Second)
			if got := copyOf(victim, warm).who(); got != "anonymous" {
				t.Fatalf("copied cookie on the other server after the 30 s cache: %q", got)
			}
			want := "anonymous"
			if tc.keepsOthers {
				want = "analyst1"
			}
			if got := other.who(); got != want {
				t.Fatalf("the user's other session: %q, want %q", got, want)
			}
			fresh := e.client(t)
			newPW := pw
			if !tc.keepsOthers {
				newPW = "brand-new-secret-7"
			}
			fresh.mustLogin("analyst1", newPW)
			if got := fresh.who(); got != "analyst1" {
				t.Fatalf("a new login after the end: %q", got)
			}
		})
	}
}
