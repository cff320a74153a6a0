package dashboard_test

import (
	"context"
	"io"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

var newTokenRE = regexp.MustCompile(`<code>(crd_[A-Za-z0-9_-]+)</code>`)

func TestTokenPage(t *testing.T) {
	ts := newConsoleServer(t)
	_, others := newToken(t, ts, "boss", time.Hour)
	form := url.Values{"csrf": {ts.csrf}, "name": {"R 脚本"}, "days": {"30"}}
	resp := ts.do(t, "POST", "/tokens", strings.NewReader(form.Encode()))
	b, _ := io.ReadAll(resp.Body)
	m := newTokenRE.FindSubmatch(b)
	if resp.StatusCode != 200 || m == nil || !strings.Contains(string(b), "R 脚本") {
		t.Fatalf("create: %d, token shown: %v", resp.StatusCode, m != nil)
	}
	plain := string(m[1])
	cookies := ts.cookies
	if code, _, raw := runQuery(t, ts, sqlBody("SELECT 1", nil), "", plain); code != 200 {
		t.Fatalf("the new token: %d %s", code, raw)
	}
	ts.cookies = cookies
	b, _ = io.ReadAll(ts.do(t, "GET", "/tokens", nil).Body)
	if newTokenRE.Match(b) || strings.Contains(string(b), others.ID) {
		t.Fatal("the list shows a token itself, or another user's token")
	}
	id := regexp.MustCompile(`name="id" value="([^"]+)"`).FindSubmatch(b)
	if id == nil {
		t.Fatal("no revoke button")
	}
	if resp := ts.do(t, "POST", "/tokens/revoke", strings.NewReader(url.Values{"csrf": {ts.csrf}, "id": {others.ID}}.Encode())); resp.StatusCode != 404 {
		t.Fatalf("revoking another user's token: %d", resp.StatusCode)
	}
	if resp := ts.do(t, "POST", "/tokens/revoke", strings.NewReader(url.Values{"csrf": {ts.csrf}, "id": {string(id[1])}}.Encode())); resp.StatusCode != 303 {
		t.Fatalf("revoke: %d", resp.StatusCode)
	}
	if code, _, _ := runQuery(t, ts, sqlBody("SELECT 1", nil), "", plain); code != 401 {
		t.Fatalf("revoked token: %d", code)
	}
	if resp := ts.do(t, "POST", "/tokens", strings.NewReader(url.Values{"name": {"x"}}.Encode())); resp.StatusCode != 403 {
		t.Fatalf("create without CSRF: %d", resp.StatusCode)
	}
	if list, _ := (&auth.Store{Conn: ts.db.Conn}).ListTokens(context.Background(), "ana"); len(list) != 1 || list[0].Revoked != 1 {
		t.Fatalf("stored tokens of ana: %+v", list)
	}
}
