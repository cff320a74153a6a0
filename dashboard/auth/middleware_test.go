package auth_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

// requireMatrix is the expected status of a JSON GET to a route guarded by
// Require(level), for each kind of caller. A route-level authorization test
// can copy it: replace the levels by the routes of each level.
var requireMatrix = []struct {
	who   string // "anonymous", a user with that role, or "kiosk" (anonymous with Config.Kiosk)
	level auth.Role
	want  int
}{
	{"anonymous", auth.Viewer, 401},
	{"anonymous", auth.Analyst, 401},
	{"anonymous", auth.Admin, 401},
	{"viewer", auth.Viewer, 200},
	{"viewer", auth.Analyst, 403},
	{"viewer", auth.Admin, 403},
	{"analyst", auth.Viewer, 200},
	{"analyst", auth.Analyst, 200},
	{"analyst", auth.Admin, 403},
	{"admin", auth.Viewer, 200},
	{"admin", auth.Analyst, 200},
	{"admin", auth.Admin, 200},
	{"kiosk", auth.Viewer, 200},
	{"kiosk", auth.Analyst, 401},
	{"kiosk", auth.Admin, 401},
}

func TestRequireMatrix(t *testing.T) {
	e := newEnv(t, auth.Config{})
	kiosk := newEnvOn(t, e.store, e.clk, auth.Config{Kiosk: true})
	addUsers(t, e.store)
	clients := map[string]*client{"anonymous": e.client(t), "kiosk": kiosk.client(t)}
	for _, l := range levels {
		c := e.client(t)
		c.mustLogin(string(l)+"1", pw)
		clients[string(l)] = c
	}
	for _, tc := range requireMatrix {
		t.Run(tc.who+"/"+string(tc.level), func(t *testing.T) {
			c := clients[tc.who]
			c.t = t
			r := c.do("GET", "/need/"+string(tc.level), nil, "Accept", "application/json")
			if r.code != tc.want {
				t.Fatalf("%d, want %d: %s", r.code, tc.want, r.body)
			}
			switch {
			case r.code == 401 && r.body != `{"error":"login required"}`:
				t.Fatalf("401 body %s", r.body)
			case r.code == 403 && !strings.Contains(r.body, `"error":`):
				t.Fatalf("403 body %s", r.body)
			case tc.who == "kiosk" && r.code == 200 && r.body != `{"name":"kiosk","role":"viewer","lang":"","kiosk":true}`:
				t.Fatalf("kiosk user %s", r.body)
			}
		})
	}
}

// TestRequireHTML: browsers asking for a page are sent to the login form,
// and come back to where they were.
func TestRequireHTML(t *testing.T) {
	e := newEnv(t, auth.Config{})
	addUsers(t, e.store)
	c := e.client(t)
	const html = "text/html,application/xhtml+xml,*/*;q=0.8"
	r := c.do("GET", "/need/analyst?year=2021", nil, "Accept", html)
	want := "/login?next=" + url.QueryEscape("/need/analyst?year=2021")
	if r.code != 302 || r.hdr.Get("Location") != want {
		t.Fatalf("anonymous page: %d → %q, want 302 → %q", r.code, r.hdr.Get("Location"), want)
	}
	// A form post (not a GET) is not redirected: the post would be lost.
	if r := c.do("POST", "/need/analyst", urlValues("csrf", c.token()), "Accept", html); r.code != 401 {
		t.Fatalf("anonymous POST: %d", r.code)
	}
	c.mustLogin("viewer1", pw)
	r = c.do("GET", "/need/admin", nil, "Accept", html)
	if r.code != 403 || !strings.Contains(r.hdr.Get("Content-Type"), "text/html") || !strings.Contains(r.body, "admin") {
		t.Fatalf("viewer on admin page: %d %s %s", r.code, r.hdr.Get("Content-Type"), r.body)
	}
}

// TestKioskIsReadOnly: the kiosk user only looks; posting needs a login.
func TestKioskIsReadOnly(t *testing.T) {
	e := newEnv(t, auth.Config{Kiosk: true})
	c := e.client(t)
	if r := c.do("GET", "/need/viewer", nil); r.code != 200 {
		t.Fatalf("kiosk GET: %d", r.code)
	}
	if r := c.do("POST", "/need/viewer", urlValues("csrf", c.token())); r.code != 401 {
		t.Fatalf("kiosk POST: %d, want 401", r.code)
	}
	if got := c.who(); got != "anonymous" {
		t.Fatalf("outside Require the kiosk visitor is anonymous, got %q", got)
	}
}
