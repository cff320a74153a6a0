package auth_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/sql/chtest"
)

var h *chtest.Harness

func TestMain(m *testing.M) { os.Exit(chtest.Run(m, &h)) }

var ctx = context.Background()

// clock is a test clock the Manager reads through Config.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// env is a fresh database with a store, a manager and a small app.
type env struct {
	store *auth.Store
	m     *auth.Manager
	app   *fiber.App
	clk   *clock
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func newEnv(t *testing.T, cfg auth.Config) *env {
	t.Helper()
	d := h.DB(t)
	return newEnvOn(t, &auth.Store{Conn: d.Conn}, &clock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}, cfg)
}

// newEnvOn is another server (Manager and app) on the same store and clock.
func newEnvOn(t *testing.T, st *auth.Store, clk *clock, cfg auth.Config) *env {
	t.Helper()
	cfg.Now, cfg.Log = clk.Now, quietLog()
	m, err := auth.NewManager(ctx, st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &env{store: st, m: m, app: newApp(m), clk: clk}
}

var levels = []auth.Role{auth.Viewer, auth.Analyst, auth.Admin}

// newApp wires the package the way the dashboard does.
func newApp(m *auth.Manager) *fiber.App {
	// ProxyHeader lets tests choose the client address with X-Forwarded-For.
	app := fiber.New(fiber.Config{DisableStartupMessage: true, ProxyHeader: fiber.HeaderXForwardedFor})
	app.Use(m.Session(), m.CSRF())
	me := func(c *fiber.Ctx) error {
		u := auth.CurrentUser(c)
		if u == nil {
			return c.SendString("anonymous")
		}
		return c.JSON(u)
	}
	app.Get("/login", func(c *fiber.Ctx) error { return c.SendString(auth.CSRFToken(c)) })
	app.Post("/login", m.LoginHandler(func(c *fiber.Ctx, msg string) error { return c.SendString(msg) }))
	app.Post("/logout", m.LogoutHandler())
	app.Post("/lang", m.SetLangHandler())
	app.Get("/lang", func(c *fiber.Ctx) error { return c.SendString(auth.Lang(c)) })
	app.Get("/me", me)
	app.Post("/echo", func(c *fiber.Ctx) error { return c.SendString("ok") })
	app.Get("/wall", auth.ViewerOrKiosk(), me)
	app.Post("/wall", auth.ViewerOrKiosk(), me)
	for _, l := range levels {
		app.Get("/need/"+string(l), auth.Require(l), me)
		app.Post("/need/"+string(l), auth.Require(l), me)
	}
	return app
}

// client is a browser: it keeps cookies between requests.
type client struct {
	t   *testing.T
	app *fiber.App
	jar map[string]string
	ip  string
}

func (e *env) client(t *testing.T) *client {
	return &client{t: t, app: e.app, jar: map[string]string{}, ip: "192.0.2.10"}
}

// on is the same browser talking to another server.
func (c *client) on(e *env) *client {
	return &client{t: c.t, app: e.app, jar: c.jar, ip: c.ip}
}

type response struct {
	code int
	body string
	hdr  http.Header
	set  map[string]*http.Cookie
}

// do sends a request; form (may be nil) is sent urlencoded; hdr are
// header name/value pairs.
func (c *client) do(method, target string, form url.Values, hdr ...string) response {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, target, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return c.send(req, hdr...)
}

func (c *client) send(req *http.Request, hdr ...string) response {
	c.t.Helper()
	req.Header.Set("X-Forwarded-For", c.ip)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	for k, v := range c.jar {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := c.app.Test(req, -1)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	r := response{code: resp.StatusCode, body: string(b), hdr: resp.Header, set: map[string]*http.Cookie{}}
	for _, ck := range resp.Cookies() {
		r.set[ck.Name] = ck
		if ck.Value == "" || ck.MaxAge < 0 || (!ck.Expires.IsZero() && ck.Expires.Before(time.Now())) {
			delete(c.jar, ck.Name)
		} else {
			c.jar[ck.Name] = ck.Value
		}
	}
	return r
}

// token fetches a CSRF token the way a rendered page would carry it.
func (c *client) token() string {
	c.t.Helper()
	r := c.do("GET", "/login", nil)
	if r.code != 200 || r.body == "" {
		c.t.Fatalf("GET /login: %d %q", r.code, r.body)
	}
	return r.body
}

func (c *client) login(name, pw, next string) response {
	c.t.Helper()
	return c.do("POST", "/login", url.Values{"username": {name}, "password": {pw}, "csrf": {c.token()}, "next": {next}})
}

// mustLogin logs in and fails the test unless it worked.
func (c *client) mustLogin(name, pw string) {
	c.t.Helper()
	if r := c.login(name, pw, "/"); r.code != 303 || r.set[auth.SessionCookie] == nil {
		c.t.Fatalf("login %s: %d %q", name, r.code, r.body)
	}
}

// who is the name /me reports ("anonymous" when logged out).
func (c *client) who() string {
	c.t.Helper()
	r := c.do("GET", "/me", nil)
	if r.code != 200 {
		c.t.Fatalf("GET /me: %d %s", r.code, r.body)
	}
	if r.body == "anonymous" {
		return r.body
	}
	var u auth.User
	if err := json.Unmarshal([]byte(r.body), &u); err != nil {
		c.t.Fatal(err)
	}
	return u.Name
}

// multipartForm builds a multipart body with the given fields.
func multipartForm(fields map[string]string) (string, io.Reader) {
	var b strings.Builder
	w := multipart.NewWriter(&b)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	_ = w.Close()
	return w.FormDataContentType(), strings.NewReader(b.String())
}

const pw = "correct-horse-9"

// addUsers creates one user per role: viewer1, analyst1, admin1, all with password pw.
func addUsers(t *testing.T, st *auth.Store) {
	t.Helper()
	for _, l := range levels {
		if err := st.Add(ctx, string(l)+"1", pw, l); err != nil {
			t.Fatal(err)
		}
	}
}

// urlValues builds a form from name/value pairs.
func urlValues(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}
