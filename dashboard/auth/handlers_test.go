package auth_test

import (
	"testing"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

func TestLoginRedirectStaysOnSite(t *testing.T) {
	e := newEnv(t, auth.Config{})
	addUsers(t, e.store)
	for next, want := range map[string]string{
		"/data?year=2021":     "/data?year=2021",
		"/":                   "/",
		"":                    "/",
		"//evil.com":          "/",
		"//evil.com/path":     "/",
		"http://evil.com":     "/",
		"https://evil.com/":   "/",
		"https:evil.com":      "/",
		"/\\evil.com":         "/",
		"\\\\evil.com":        "/",
		"/\t/evil.com":        "/",
		"javascript:alert(1)": "/",
		"data":                "/",
	} {
		c := e.client(t)
		r := c.login("viewer1", pw, next)
		if r.code != 303 || r.hdr.Get("Location") != want {
			t.Errorf("next=%q: %d → %q, want %q", next, r.code, r.hdr.Get("Location"), want)
		}
	}
}

func TestSetLang(t *testing.T) {
	e := newEnv(t, auth.Config{})
	addUsers(t, e.store)
	c := e.client(t)
	if got := c.do("GET", "/lang", nil).body; got != auth.LangZH {
		t.Fatalf("default lang %q", got)
	}
	tok := c.token()
	for referer, want := range map[string]string{
		"http://example.com/data?x=1":  "/data?x=1", // httptest requests go to example.com
		"http://evil.com/data":         "/",
		"":                             "/",
		"http://example.com//evil.com": "/",
	} {
		r := c.do("POST", "/lang", urlValues("lang", "en", "csrf", tok), "Referer", referer)
		if r.code != 303 || r.hdr.Get("Location") != want {
			t.Errorf("Referer %q: %d → %q, want %q", referer, r.code, r.hdr.Get("Location"), want)
		}
	}
	if ck := c.jar[auth.LangCookie]; ck != "en" {
		t.Fatalf("lang cookie %q", ck)
	}
	if got := c.do("GET", "/lang", nil).body; got != auth.LangEN {
		t.Fatalf("anonymous lang after choosing en: %q", got)
	}
	if r := c.do("POST", "/lang", urlValues("lang", "fr", "csrf", tok)); r.code != 400 {
		t.Fatalf("lang=fr: %d", r.code)
	}

	// Logged in, the choice is stored with the user and follows them to a new browser.
	c.mustLogin("analyst1", pw)
	if r := c.do("POST", "/lang", urlValues("lang", "en", "csrf", c.token())); r.code != 303 {
		t.Fatalf("logged-in set lang: %d", r.code)
	}
	if a, _ := e.store.Get(ctx, "analyst1"); a.Lang != auth.LangEN {
		t.Fatalf("stored lang %q", a.Lang)
	}
	fresh := e.client(t)
	fresh.mustLogin("analyst1", pw)
	if got := fresh.do("GET", "/lang", nil).body; got != auth.LangEN {
		t.Fatalf("user's lang in a new browser: %q", got)
	}
}
