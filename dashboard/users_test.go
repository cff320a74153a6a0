package dashboard_test

import (
	"context"
	"io"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

// An admin manages users from the web without stopping the server: add
// (a password shown once that works), change a role, reset a password
// (the old one stops working), disable (that user is out at once), enable;
// each step is in the audit with who did it; the last admin and the admin
// themself are protected; a viewer or analyst gets 403.
func TestUsersPage(t *testing.T) {
	ts := newServer(t, nil)
	post := func(form url.Values) (int, string) {
		t.Helper()
		form.Set("csrf", ts.csrf)
		resp := ts.do(t, "POST", "/users", strings.NewReader(form.Encode()))
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	pw := regexp.MustCompile(`id="users-password">[^<]*<code>([^<]+)</code>`)
	code, body := post(url.Values{"action": {"add"}, "name": {"leader1"}, "role": {"viewer"}})
	m := pw.FindStringSubmatch(body)
	if code != 200 || m == nil || !strings.Contains(body, "已添加用户 leader1") {
		t.Fatalf("add: %d %s", code, body)
	}
	st := &auth.Store{Conn: ts.db.Conn}
	ctx := context.Background()
	if _, err := st.Verify(ctx, "leader1", m[1]); err != nil {
		t.Fatalf("the shown password does not sign in: %v", err)
	}
	if code, _ = post(url.Values{"action": {"role"}, "name": {"leader1"}, "role": {"analyst"}}); code != 200 {
		t.Fatalf("role: %d", code)
	}
	if a, _ := st.Get(ctx, "leader1"); a.Role != auth.Analyst {
		t.Fatalf("role now %s, want analyst", a.Role)
	}
	_, body = post(url.Values{"action": {"reset"}, "name": {"leader1"}})
	m2 := pw.FindStringSubmatch(body)
	if m2 == nil || m2[1] == m[1] {
		t.Fatalf("reset shows no new password: %s", body)
	}
	if _, err := st.Verify(ctx, "leader1", m[1]); err == nil {
		t.Fatal("the old password still signs in after a reset")
	}
	if code, _ = post(url.Values{"action": {"disable"}, "name": {"leader1"}}); code != 200 {
		t.Fatalf("disable: %d", code)
	}
	if _, err := st.Verify(ctx, "leader1", m2[1]); err == nil {
		t.Fatal("a disabled user still signs in")
	}
	if code, body = post(url.Values{"action": {"disable"}, "name": {"boss"}}); code != 422 || !strings.Contains(body, "不能停用自己的账号") {
		t.Fatalf("disabling oneself: %d", code)
	}
	if code, body = post(url.Values{"action": {"role"}, "name": {"boss"}, "role": {"viewer"}}); code != 422 || !strings.Contains(body, "最后一个管理员") {
		t.Fatalf("demoting the last admin: %d", code)
	}
	if code, body = post(url.Values{"action": {"add"}, "name": {"boss"}, "role": {"viewer"}}); code != 422 || !strings.Contains(body, "已存在") {
		t.Fatalf("adding an existing name: %d", code)
	}
	_, body = post(url.Values{"action": {"enable"}, "name": {"leader1"}})
	if m3 := pw.FindStringSubmatch(body); m3 == nil {
		t.Fatalf("enable shows no password: %s", body)
	} else if a, err := st.Verify(ctx, "leader1", m3[1]); err != nil || a.Role != auth.Analyst {
		t.Fatalf("enabled user: %+v %v, want an analyst again", a, err)
	}
	code, page := get(t, ts, "/users")
	body = string(page)
	for _, want := range []string{"添加用户", "修改角色", "重置密码", "停用", "重新启用"} {
		if code != 200 || strings.Count(body[strings.Index(body, `id="user-audit"`):], want) == 0 {
			t.Fatalf("audit lacks %s: %d", want, code)
		}
	}
	if strings.Contains(body, m[1]) || strings.Contains(body, m2[1]) {
		t.Fatal("a password shows on the page after the one that made it")
	}
	addUser(t, ts.db, "ana", auth.Analyst)
	ts.login(t, "ana")
	if code, _ := get(t, ts, "/users"); code != 403 {
		t.Fatalf("an analyst opens /users: %d, want 403", code)
	}
}
