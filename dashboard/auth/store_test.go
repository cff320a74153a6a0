package auth_test

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

func TestStoreCRUD(t *testing.T) {
	st := &auth.Store{Conn: h.DB(t).Conn}
	if err := st.Add(ctx, "张伟", pw, auth.Analyst); err != nil {
		t.Fatal(err)
	}
	if err := st.Add(ctx, "boss.li", pw, auth.Admin); err != nil {
		t.Fatal(err)
	}
	if err := st.Add(ctx, "张伟", pw, auth.Viewer); !errors.Is(err, auth.ErrExists) {
		t.Fatalf("second add: %v, want ErrExists", err)
	}
	a, err := st.Get(ctx, "张伟")
	if err != nil || a.Role != auth.Analyst || a.Lang != auth.LangZH || a.Disabled || a.CreatedAt.IsZero() {
		t.Fatalf("get: %+v %v", a, err)
	}
	if err := st.SetRole(ctx, "张伟", auth.Viewer); err != nil {
		t.Fatal(err)
	}
	if err := st.SetLang(ctx, "张伟", auth.LangEN); err != nil {
		t.Fatal(err)
	}
	if a, _ := st.Get(ctx, "张伟"); a.Role != auth.Viewer || a.Lang != auth.LangEN {
		t.Fatalf("after SetRole/SetLang: %+v", a)
	}
	var fe *auth.FieldError
	if err := st.SetLang(ctx, "张伟", "fr"); !errors.As(err, &fe) || fe.Field != "lang" {
		t.Fatalf("SetLang fr: %v", err)
	}
	if err := st.SetRole(ctx, "张伟", "root"); !errors.As(err, &fe) || fe.Field != "role" {
		t.Fatalf("SetRole root: %v", err)
	}
	if err := st.SetRole(ctx, "nobody", auth.Admin); !errors.Is(err, auth.ErrNotFound) {
		t.Fatalf("SetRole on unknown user: %v", err)
	}
	if _, err := st.Get(ctx, "nobody"); !errors.Is(err, auth.ErrNotFound) {
		t.Fatalf("get unknown: %v", err)
	}

	if err := st.Delete(ctx, "张伟"); err != nil {
		t.Fatal(err)
	}
	if a, err := st.Get(ctx, "张伟"); err != nil || !a.Disabled {
		t.Fatalf("after delete: %+v %v", a, err)
	}
	if err := st.SetPassword(ctx, "张伟", "another-password"); !errors.Is(err, auth.ErrNotFound) {
		t.Fatalf("SetPassword on deleted user: %v", err)
	}
	list, err := st.List(ctx)
	if err != nil || len(list) != 2 || list[0].Name != "boss.li" || list[1].Name != "张伟" || !list[1].Disabled {
		t.Fatalf("list: %+v %v", list, err)
	}
	// A deleted name can be added again, fresh.
	if err := st.Add(ctx, "张伟", "new-password-1", auth.Viewer); err != nil {
		t.Fatal(err)
	}
	if a, _ := st.Get(ctx, "张伟"); a.Disabled || a.Lang != auth.LangZH {
		t.Fatalf("re-added: %+v", a)
	}
}

func TestStoreValidation(t *testing.T) {
	st := &auth.Store{Conn: h.DB(t).Conn}
	cases := []struct {
		name, pw string
		role     auth.Role
		field    string
	}{
		{"a", pw, auth.Viewer, "username"},
		{strings.Repeat("x", 33), pw, auth.Viewer, "username"},
		{"has space", pw, auth.Viewer, "username"},
		{"-dash", pw, auth.Viewer, "username"},
		{"semi;colon", pw, auth.Viewer, "username"},
		{"kiosk", pw, auth.Viewer, "username"},
		{"ok_name", "short", auth.Viewer, "password"},
		{"ok_name", strings.Repeat("密", 25), auth.Viewer, "password"}, // 75 bytes: over bcrypt's 72
		{"ok_name", pw, "superuser", "role"},
	}
	for _, c := range cases {
		err := st.Add(ctx, c.name, c.pw, c.role)
		var fe *auth.FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || !strings.HasPrefix(err.Error(), "auth: "+c.field+": ") {
			t.Errorf("Add(%q, %q, %q): %v, want a %s error", c.name, c.pw, c.role, err, c.field)
		}
	}
	for _, ok := range []string{"ab", "王芳", "li.wei-2_x", strings.Repeat("名", 32)} {
		if err := auth.ValidateUsername(ok); err != nil {
			t.Errorf("ValidateUsername(%q): %v", ok, err)
		}
	}
	if list, _ := st.List(ctx); len(list) != 0 {
		t.Fatalf("invalid adds stored users: %+v", list)
	}
}

func TestVerify(t *testing.T) {
	st := &auth.Store{Conn: h.DB(t).Conn}
	if err := st.Add(ctx, "alice", pw, auth.Analyst); err != nil {
		t.Fatal(err)
	}
	u, err := st.Verify(ctx, "alice", pw)
	if err != nil || u != (auth.User{Name: "alice", Role: auth.Analyst, Lang: auth.LangZH}) {
		t.Fatalf("verify: %+v %v", u, err)
	}
	for _, c := range []struct{ name, pw string }{
		{"alice", "wrong-password"},
		{"alice", ""},
		{"Alice", pw},
		{"bob", pw},                         // unknown user
		{"bad name", pw},                    // not even a valid name
		{"alice", strings.Repeat("x", 100)}, // longer than bcrypt reads
	} {
		if _, err := st.Verify(ctx, c.name, c.pw); !errors.Is(err, auth.ErrBadCredentials) {
			t.Errorf("Verify(%q, %q): %v, want ErrBadCredentials", c.name, c.pw, err)
		}
	}
	if err := st.SetPassword(ctx, "alice", "new-password-2"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Verify(ctx, "alice", pw); !errors.Is(err, auth.ErrBadCredentials) {
		t.Fatalf("old password after change: %v", err)
	}
	if _, err := st.Verify(ctx, "alice", "new-password-2"); err != nil {
		t.Fatalf("new password: %v", err)
	}
	if err := st.Delete(ctx, "alice"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Verify(ctx, "alice", "new-password-2"); !errors.Is(err, auth.ErrBadCredentials) {
		t.Fatalf("disabled user: %v, want ErrBadCredentials", err)
	}
}

func TestLastAdminIsKept(t *testing.T) {
	st := &auth.Store{Conn: h.DB(t).Conn}
	if err := st.Add(ctx, "root1", pw, auth.Admin); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(ctx, "root1"); !errors.Is(err, auth.ErrLastAdmin) {
		t.Fatalf("delete last admin: %v", err)
	}
	if err := st.SetRole(ctx, "root1", auth.Viewer); !errors.Is(err, auth.ErrLastAdmin) {
		t.Fatalf("demote last admin: %v", err)
	}
	if err := st.Add(ctx, "root2", pw, auth.Admin); err != nil {
		t.Fatal(err)
	}
	if err := st.SetRole(ctx, "root1", auth.Viewer); err != nil {
		t.Fatalf("demote with another admin: %v", err)
	}
	if err := st.Delete(ctx, "root2"); !errors.Is(err, auth.ErrLastAdmin) {
		t.Fatalf("delete the now last admin: %v", err)
	}
}

func TestEnsureAdminGenerated(t *testing.T) {
	st := &auth.Store{Conn: h.DB(t).Conn}
	var out bytes.Buffer
	created, err := auth.EnsureAdmin(ctx, st, "", &out)
	if err != nil || !created {
		t.Fatalf("first start: created %v, err %v", created, err)
	}
	m := regexp.MustCompile(`password 密码:\s+(\S+)`).FindStringSubmatch(out.String())
	if m == nil || len(m[1]) < 16 || !strings.Contains(out.String(), "ONLY THIS ONCE") {
		t.Fatalf("notice does not show a password of ≥ 16 characters:\n%s", out.String())
	}
	if u, err := st.Verify(ctx, "admin", m[1]); err != nil || u.Role != auth.Admin {
		t.Fatalf("printed password does not log in: %+v %v", u, err)
	}
	out.Reset()
	created, err = auth.EnsureAdmin(ctx, st, "", &out)
	if err != nil || created || out.Len() != 0 {
		t.Fatalf("second start: created %v, err %v, output %q", created, err, out.String())
	}
	if list, _ := st.List(ctx); len(list) != 1 {
		t.Fatalf("users after two starts: %+v", list)
	}
}

func TestEnsureAdminFromEnv(t *testing.T) {
	st := &auth.Store{Conn: h.DB(t).Conn}
	var out bytes.Buffer
	if _, err := auth.EnsureAdmin(ctx, st, "short", &out); err == nil || !strings.Contains(err.Error(), "CORRIDOR_ADMIN_PASSWORD") {
		t.Fatalf("short env password: %v", err)
	}
	const envPW = "from-the-environment"
	created, err := auth.EnsureAdmin(ctx, st, envPW, &out)
	if err != nil || !created {
		t.Fatalf("created %v, err %v", created, err)
	}
	if strings.Contains(out.String(), envPW) || !strings.Contains(out.String(), "CORRIDOR_ADMIN_PASSWORD") {
		t.Fatalf("notice must name the variable, not the password:\n%s", out.String())
	}
	if _, err := st.Verify(ctx, "admin", envPW); err != nil {
		t.Fatal(err)
	}
}

// TestEnsureAdminSkipsWhenUsersExist: an installation with users keeps them as they are.
func TestEnsureAdminSkipsWhenUsersExist(t *testing.T) {
	st := &auth.Store{Conn: h.DB(t).Conn}
	if err := st.Add(ctx, "viewer1", pw, auth.Viewer); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if created, err := auth.EnsureAdmin(ctx, st, "", &out); err != nil || created || out.Len() != 0 {
		t.Fatalf("created %v, err %v, out %q", created, err, out.String())
	}
}
