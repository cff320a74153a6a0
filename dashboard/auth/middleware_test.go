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
	{"kiosk", auth.Viewer, 401}, // Require never admits the kiosk: ViewerOrKiosk does
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
	r := c.do("GET", "/wall", nil)
	if r.code != 200 || r.body != `{"name":"kiosk","role":"viewer","lang":"","kiosk":true}` {
		t.Fatalf("kiosk GET: %d %s", r.code, r.body)
	}
	if r := c.do("POST", "/wall", urlValues("csrf", c.token())); r.code != 401 {
		t.Fatalf("kiosk POST: %d, want 401", r.code)
	}
	if got := c.who(); got != "anonymous" {
		t.Fatalf("outside ViewerOrKiosk the kiosk visitor is anonymous, got %q", got)
	}
}

// TestHostileKioskReachesOnlyItsPages: in kiosk mode an anonymous visitor
// gets the wall pages and nothing else: no route guarded by Require, no
// export (?format=) even of a wall page, no write; a logged-in viewer keeps
// everything a viewer has. Outside kiosk mode the wall pages need a login.
func TestHostileKioskReachesOnlyItsPages(t *testing.T) {
	e := newEnv(t, auth.Config{Kiosk: true})
	plain := newEnvOn(t, e.store, e.clk, auth.Config{})
	addUsers(t, e.store)
	viewer := e.client(t)
	viewer.mustLogin("viewer1", pw)
	for _, tc := range []struct {
		who, method, path string
		want              int
	}{
		{"kiosk", "GET", "/wall", 200},
		{"kiosk", "HEAD", "/wall", 200},
		{"kiosk", "GET", "/wall?format=csv", 401},
		{"kiosk", "GET", "/wall?format=xlsx", 401},
		{"kiosk", "GET", "/wall?format=svg", 401},
		{"kiosk", "GET", "/wall?format=", 401},
		{"kiosk", "GET", "/need/viewer", 401},
		{"kiosk", "GET", "/need/viewer?format=csv", 401},
		{"kiosk", "GET", "/need/analyst", 401},
		{"kiosk", "POST", "/wall", 401},
		{"viewer", "GET", "/need/viewer", 200},
		{"viewer", "GET", "/wall?format=csv", 200},
		{"plain", "GET", "/wall", 401},
	} {
		c := e.client(t)
		switch tc.who {
		case "viewer":
			c = viewer
		case "plain":
			c = plain.client(t)
		}
		var form []string
		if tc.method == "POST" {
			form = []string{"X-CSRF-Token", c.token()}
		}
		r := c.do(tc.method, tc.path, nil, append(form, "Accept", "application/json")...)
		if r.code != tc.want {
			t.Errorf("%s %s %s: %d, want %d", tc.who, tc.method, tc.path, r.code, tc.want)
		}
	}
	if r := e.client(t).do("GET", "/wall", nil); r.code != 200 {
		t.Fatalf("the kiosk page after the refusals: %d", r.code)
	}
}
