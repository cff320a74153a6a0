package auth_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

// TestHostileWeakPasswords: passwords an online guesser tries first are
// refused wherever a password is set (Add, SetPassword, EnsureAdmin), with a
// message in Chinese and English that says what to do; nothing is stored,
// and a good password still works afterwards.
func TestHostileWeakPasswords(t *testing.T) {
	st := &auth.Store{Conn: h.DB(t).Conn}
	if err := st.Add(ctx, "alice", pw, auth.Analyst); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, user, pw, want string
	}{
		{"equal to the name", "zhang.wei.01", "zhang.wei.01", "用户名"},
		{"name inside", "wangfang", "my-wangfang-2024", "user name"},
		{"name inside, other case", "WangFang", "WANGFANG-forever", "用户名"},
		{"Chinese name inside", "王芳", "王芳王芳-welcome", "用户名"},
		{"most common (rank 22)", "newuser", "qwertyuiop", "最常见"},
		{"most common (rank 24)", "newuser", "1234567890", "10,000 most common"},
		{"most common, capitalised", "newuser", "Password123", "最常见"},
		{"most common (rank < 10k)", "newuser", "manchester", "choose another"},
		{"too short", "newuser", "short", "at least 10"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := st.Add(ctx, c.user, c.pw, auth.Viewer)
			var fe *auth.FieldError
			if !errors.As(err, &fe) || fe.Field != "password" || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Add(%q, %q): %v, want a password error mentioning %q", c.user, c.pw, err, c.want)
			}
			if !strings.ContainsFunc(fe.Reason, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) || !strings.Contains(fe.Reason, "(") {
				t.Fatalf("message is not Chinese with English: %q", fe.Reason)
			}
			if _, err := st.Get(ctx, c.user); c.user != "alice" && !errors.Is(err, auth.ErrNotFound) {
				t.Fatalf("refused user %q was stored: %v", c.user, err)
			}
			if _, err := st.Verify(ctx, "alice", pw); err != nil {
				t.Fatalf("store no longer answers after the refusal: %v", err)
			}
		})
	}
	for _, bad := range []string{"1q2w3e4r5t", "Alice-in-wonderland"} {
		if err := st.SetPassword(ctx, "alice", bad); err == nil {
			t.Fatalf("SetPassword(alice, %q) accepted", bad)
		}
	}
	if _, err := st.Verify(ctx, "alice", pw); err != nil {
		t.Fatalf("a refused SetPassword changed the password: %v", err)
	}
	if err := st.Add(ctx, "newuser", "violet-harbour-17", auth.Viewer); err != nil {
		t.Fatalf("a good password after the refusals: %v", err)
	}
}

// TestHostileWeakAdminPassword: CORRIDOR_ADMIN_PASSWORD obeys the same rules.
func TestHostileWeakAdminPassword(t *testing.T) {
	st := &auth.Store{Conn: h.DB(t).Conn}
	for _, bad := range []string{"admin-password-1", "1234567890", "Administrator"} {
		var out bytes.Buffer
		if _, err := auth.EnsureAdmin(ctx, st, bad, &out); err == nil || !strings.Contains(err.Error(), "CORRIDOR_ADMIN_PASSWORD") {
			t.Fatalf("EnsureAdmin(%q): %v, want a refusal naming the variable", bad, err)
		}
	}
	if created, err := auth.EnsureAdmin(ctx, st, "lantern-orchard-42", &bytes.Buffer{}); err != nil || !created {
		t.Fatalf("good env password after the refusals: %v %v", created, err)
	}
}

// TestGeneratedPasswordsObeyTheRules: a generated password never contains a
// short name, which random base32 text would hold now and then.
func TestGeneratedPasswordsObeyTheRules(t *testing.T) {
	for i := 0; i < 2000; i++ {
		if p := auth.GeneratePassword("ab"); auth.ValidatePassword("ab", p) != nil {
			t.Fatalf("generated %q breaks the rules", p)
		}
	}
}
