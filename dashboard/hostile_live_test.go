package dashboard_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard"
)

// serveLive runs s on a loopback port until the test ends and returns its
// address: body streaming only shows on a real connection (app.Test hands
// the server the whole body at once).
func serveLive(t *testing.T, s *dashboard.Server) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Listen(ctx, addr) }()
	t.Cleanup(func() { cancel(); <-done })
	for i := 0; i < 200; i++ {
		if liveHealthy(addr) {
			return addr
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("server on %s does not answer", addr)
	return ""
}

func liveHealthy(addr string) bool {
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == 200
}

// liveUser is a browser signed in on a live server.
type liveUser struct {
	client *http.Client
	base   string
	cookie string // the Cookie header, for raw requests
	csrf   string // the session's CSRF token
}

func liveLogin(t *testing.T, addr, name string) *liveUser {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	u := &liveUser{base: "http://" + addr, client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	tok := u.pageToken(t, "/login")
	resp, err := u.client.PostForm(u.base+"/login", url.Values{"username": {name}, "password": {testPassword}, "csrf": {tok}})
	if err != nil || resp.StatusCode != 303 {
		t.Fatalf("live login %s: %v %v", name, err, resp)
	}
	resp.Body.Close()
	u.csrf = u.pageToken(t, "/")
	base, _ := url.Parse(u.base)
	var parts []string
	for _, c := range jar.Cookies(base) {
		parts = append(parts, c.Name+"="+c.Value)
	}
	u.cookie = strings.Join(parts, "; ")
	return u
}

func (u *liveUser) pageToken(t *testing.T, path string) string {
	t.Helper()
	resp, err := u.client.Get(u.base + path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := csrfField.FindSubmatch(b)
	if m == nil {
		t.Fatalf("%s has no CSRF token (%d)", path, resp.StatusCode)
	}
	return string(m[1])
}

// rawRequest sends a request that declares a body of declared bytes but
// sends only head (then nothing more), and returns the answer. A server that
// waited for the whole body before answering would not answer at all: the
// test fails after 10 s instead of the server's 30 s read timeout.
func rawRequest(t *testing.T, addr, method, path string, declared int64, head string, hdr ...string) (*http.Response, error) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", method, path, addr)
	if declared >= 0 {
		fmt.Fprintf(&b, "Content-Length: %d\r\n", declared)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		fmt.Fprintf(&b, "%s: %s\r\n", hdr[i], hdr[i+1])
	}
	b.WriteString("\r\n")
	b.WriteString(head)
	if _, err := io.WriteString(conn, b.String()); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return resp, err
}
