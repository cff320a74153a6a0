package auth_test

import (
	"net/http/httptest"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

func TestCSRFAnonymous(t *testing.T) {
	e := newEnv(t, auth.Config{})
	c := e.client(t)
	if r := c.do("POST", "/echo", nil); r.code != 403 {
		t.Fatalf("POST without token: %d", r.code)
	}
	tok := c.token() // sets the double-submit cookie
	if c.jar["corridor_csrf"] != tok {
		t.Fatalf("double-submit cookie %q, token %q", c.jar["corridor_csrf"], tok)
	}
	if again := c.token(); again != tok {
		t.Fatal("token changed between pages")
	}
	cases := []struct {
		name string
		send func() int
		want int
	}{
		{"form field", func() int { return c.do("POST", "/echo", urlValues("csrf", tok)).code }, 200},
		{"header", func() int { return c.do("PUT", "/echo", nil, "X-CSRF-Token", tok).code }, 405}, // passes CSRF, no PUT route
		{"DELETE without token", func() int { return c.do("DELETE", "/echo", nil).code }, 403},
		{"PATCH without token", func() int { return c.do("PATCH", "/echo", nil).code }, 403},
		{"wrong token", func() int { return c.do("POST", "/echo", urlValues("csrf", wrongToken(tok))).code }, 403},
		{"token only in the URL", func() int { return c.do("POST", "/echo?csrf="+tok, nil).code }, 403},
		// An anonymous multipart body is not parsed for its token: the header must carry it.
		{"multipart field", func() int {
			ct, body := multipartForm(map[string]string{"csrf": tok, "file": "x"})
			req := httptest.NewRequest("POST", "/echo", body)
			req.Header.Set("Content-Type", ct)
			return c.send(req).code
		}, 403},
		{"multipart with the header", func() int {
			ct, body := multipartForm(map[string]string{"file": "x"})
			req := httptest.NewRequest("POST", "/echo", body)
			req.Header.Set("Content-Type", ct)
			return c.send(req, "X-CSRF-Token", tok).code
		}, 200},
	}
	for _, k := range cases {
		if got := k.send(); got != k.want {
			t.Errorf("%s: %d, want %d", k.name, got, k.want)
		}
	}
	// Without the cookie the token proves nothing.
	other := e.client(t)
	if r := other.do("POST", "/echo", urlValues("csrf", tok)); r.code != 403 {
		t.Fatalf("token without its cookie: %d", r.code)
	}
	// The login form is protected too.
	if r := other.do("POST", "/login", urlValues("username", "x1", "password", pw)); r.code != 403 {
		t.Fatalf("login without token: %d", r.code)
	}
}

func TestCSRFLoggedIn(t *testing.T) {
	e := newEnv(t, auth.Config{})
	addUsers(t, e.store)
	anonTok := func(c *client) string { return c.jar["corridor_csrf"] }
	c := e.client(t)
	c.mustLogin("viewer1", pw)
	if r := c.do("POST", "/echo", nil); r.code != 403 {
		t.Fatalf("POST without token: %d", r.code)
	}
	tok := c.token()
	if r := c.do("POST", "/echo", urlValues("csrf", tok)); r.code != 200 {
		t.Fatalf("POST with token: %d", r.code)
	}
	if r := c.do("POST", "/echo", nil, "X-CSRF-Token", tok); r.code != 200 {
		t.Fatalf("POST with header token: %d", r.code)
	}
	// Logged in, a plain multipart form (the upload form) carries it in a field.
	ct, body := multipartForm(map[string]string{"csrf": tok, "file": "x"})
	req := httptest.NewRequest("POST", "/echo", body)
	req.Header.Set("Content-Type", ct)
	if r := c.send(req); r.code != 200 {
		t.Fatalf("multipart form with the token field: %d", r.code)
	}
	// The double-submit token of the login page no longer counts once logged in.
	if r := c.do("POST", "/echo", urlValues("csrf", anonTok(c))); r.code != 403 {
		t.Fatalf("pre-login token after login: %d", r.code)
	}
	// Another session's token is no good.
	d := e.client(t)
	d.mustLogin("admin1", pw)
	if r := c.do("POST", "/echo", urlValues("csrf", d.token())); r.code != 403 {
		t.Fatalf("token of another session: %d", r.code)
	}
	// Safe methods need none.
	if r := c.do("GET", "/me", nil); r.code != 200 {
		t.Fatalf("GET: %d", r.code)
	}
}

// wrongToken changes the token's last character (to one it does not
// already have: a fixed "x" matched one token in 64).
func wrongToken(tok string) string {
	last := byte('x')
	if tok[len(tok)-1] == last {
		last = 'y'
	}
	return tok[:len(tok)-1] + string(last)
}
