package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/sql/engine"
)

// browser is one person's cookies, shown to whichever server a load
// balancer picks; it follows no redirects.
type browser struct {
	t       *testing.T
	cookies map[string]string
	client  *http.Client
}

func newBrowser(t *testing.T) *browser {
	return &browser{t: t, cookies: map[string]string{}, client: &http.Client{
		Timeout:       30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

func (b *browser) do(method, target, ctype string, body io.Reader) (int, string) {
	b.t.Helper()
	req, err := http.NewRequest(method, target, body)
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Accept", "text/html")
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for k, v := range b.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	for _, c := range resp.Cookies() {
		b.cookies[c.Name] = c.Value
	}
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out)
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf reads the CSRF token from a page of server base.
func (b *browser) csrf(base, page string) string {
	b.t.Helper()
	code, body := b.do("GET", base+page, "", nil)
	m := csrfInput.FindStringSubmatch(body)
	if code != 200 || m == nil {
		b.t.Fatalf("%s%s: %d, no CSRF token", base, page, code)
	}
	return m[1]
}

func (b *browser) login(base, user, pw string) {
	b.t.Helper()
	form := url.Values{"username": {user}, "password": {pw}, "csrf": {b.csrf(base, "/login")}, "next": {"/"}}
	if code, body := b.do("POST", base+"/login", "application/x-www-form-urlencoded", strings.NewReader(form.Encode())); code != 303 {
		b.t.Fatalf("login on %s: %d %s", base, code, body)
	}
}

func (b *browser) upload(base, token, name, content string) (int, string) {
	b.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("csrf", token)
	fw, _ := w.CreateFormFile("file", name)
	_, _ = io.WriteString(fw, content)
	_ = w.Close()
	return b.do("POST", base+"/data/upload", w.FormDataContentType(), &buf)
}

// startServe runs `corridor serve` with args until the test ends and waits
// until its /readyz answers 200.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	addr, _ := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	var code int
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		code = run(ctx, append([]string{"serve", "--addr", addr, "--log-level", "warn"}, args...))
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop")
		}
	})
	base := "http://" + addr
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			t.Fatalf("serve %v exited with %d", args, code)
		default:
		}
		if resp, err := http.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("serve %v not ready", args)
	return ""
}

// engineDSNs are the writer's and the web reader's DSNs of the engine that
// serve runs on data.
func engineDSNs(t *testing.T, data string, port int) (writer, web string) {
	t.Helper()
	var cr engine.Credentials
	b, err := os.ReadFile(filepath.Join(data, "engine", "secrets.json"))
	if err != nil || json.Unmarshal(b, &cr) != nil {
		t.Fatalf("secrets: %v", err)
	}
	p := engine.Endpoint{Addr: fmt.Sprintf("127.0.0.1:%d", port), Database: "corridor", Creds: cr}
	return p.DSN(engine.Writer), p.DSN(engine.Web)
}

const emptyData = "当前筛选条件下暂无数据"

// TestTwoServersShareSessionsCSRFAndData runs two `corridor serve` on one
// ClickHouse, as behind a load balancer: A runs the engine, B reaches it by
// DSN. A login on A is valid on B, a CSRF token of one is taken by the
// other, a load through A shows on B's cached pages within seconds, and a
// logout on B ends the session there at once and on A within its user
// cache's 30 s.
func TestTwoServersShareSessionsCSRFAndData(t *testing.T) {
	const pw = "replica-boss-pass-2026"
	t.Setenv(adminPasswordEnv, pw)
	dir := t.TempDir()
	_, port := freeAddr(t)
	a := startServe(t, "--data", dir, "--engine-port", fmt.Sprint(port))
	writer, web := engineDSNs(t, dir, port)
	b := startServe(t, "--clickhouse", writer, "--clickhouse-reader", web)

	boss := newBrowser(t)
	boss.login(a, "admin", pw)
	if code, body := boss.do("GET", b+"/data", "", nil); code != 200 || !strings.Contains(body, "admin") {
		t.Fatalf("A's session on B: %d", code)
	}
	for range 2 { // the second answer comes from B's page cache
		if code, body := boss.do("GET", b+"/platforms", "", nil); code != 200 || !strings.Contains(body, emptyData) {
			t.Fatalf("B's platforms page before the load: %d", code)
		}
	}

	code, body := boss.upload(a, boss.csrf(b, "/data"), "平台.csv", "平台名称,区县,共建时间\nA,张店区,2019-03-10\nB,淄川区,2020-01-02\n")
	if code != 200 || !strings.Contains(body, "已导入") {
		t.Fatalf("upload through A with B's CSRF token: %d", code)
	}
	loaded := time.Now()
	for {
		_, body := boss.do("GET", b+"/platforms", "", nil)
		if !strings.Contains(body, emptyData) {
			t.Logf("the load through A showed on B after %v", time.Since(loaded).Round(time.Millisecond))
			break
		}
		if time.Since(loaded) > 5*time.Second {
			t.Fatal("B still serves its cached page 5 s after a load through A")
		}
		time.Sleep(100 * time.Millisecond)
	}

	resp, err := http.Get(b + "/metrics") // a loopback scraper
	if err != nil {
		t.Fatal(err)
	}
	m, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(m), `corridor_cache_lookups_total{cache="page",result="hit"}`) {
		t.Errorf("B served no page from its cache, so its invalidation was not tested:\n%s", m)
	}

	form := url.Values{"csrf": {boss.csrf(a, "/data")}}
	stolen := map[string]string{} // a copy of the cookies, taken before the logout
	for k, v := range boss.cookies {
		stolen[k] = v
	}
	thief := func(target string) int { // presents the copy every time, whatever the server answered before
		br := newBrowser(t)
		maps.Copy(br.cookies, stolen)
		code, _ := br.do("GET", target, "", nil)
		return code
	}
	if code, _ := boss.do("POST", b+"/logout", "application/x-www-form-urlencoded", strings.NewReader(form.Encode())); code != 303 {
		t.Fatalf("logout on B with A's CSRF token: %d", code)
	}
	if code := thief(b + "/data"); code == 200 {
		t.Error("a copy of a session logged out on B still opens pages on B")
	}
	// A learns of it when its cached lookup of the user expires (30 s,
	// docs/admin.md): the revocation lives in ClickHouse.
	out := time.Now()
	for {
		if code := thief(a + "/data"); code != 200 {
			t.Logf("A refused the logged-out session after %v", time.Since(out).Round(time.Second))
			break
		}
		if time.Since(out) > 32*time.Second { // 30 s promised; 1 s polling, 1 s for a busy machine
			t.Fatal("a session logged out on B still opens pages on A after 32 s (docs/admin.md promises 30 s)")
		}
		time.Sleep(time.Second)
	}
}
