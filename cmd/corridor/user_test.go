package main

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

// TestUserCommand drives 'corridor user' against the embedded engine in a
// temporary data folder; options follow the action, as people type them.
func TestUserCommand(t *testing.T) {
	dir := newDatabase(t)
	ctx := context.Background()
	user := func(stdin string, args ...string) (string, error) {
		t.Helper()
		fs := newFlagSet("user", "")
		var out bytes.Buffer
		do := userCommand(fs, strings.NewReader(stdin), &out)
		if err := fs.parse(append(args, "--data", dir, "--log-level", "error")); err != nil {
			return "", usageError{err.Error()}
		}
		err := do(ctx)
		return out.String(), err
	}
	mustUser := func(stdin string, args ...string) string {
		t.Helper()
		out, err := user(stdin, args...)
		if err != nil {
			t.Fatalf("user %v: %v", args, err)
		}
		return out
	}

	out := mustUser("", "add", "alice", "--role", "analyst")
	m := regexp.MustCompile(`(?m)^password: (\S+)$`).FindStringSubmatch(out)
	if m == nil || len(m[1]) < 16 {
		t.Fatalf("add without --password-stdin prints no password:\n%s", out)
	}
	alicePW := m[1]
	out = mustUser("river-secret-1\n", "add", "王芳", "--password-stdin", "--role", "viewer")
	if strings.Contains(out, "password:") {
		t.Fatalf("password from stdin was printed:\n%s", out)
	}
	mustUser("", "role", "alice", "--role", "admin")
	mustUser("new-river-password\r\n", "passwd", "alice", "--password-stdin")
	mustUser("", "del", "王芳")
	if _, err := user("", "add", "alice", "--role", "viewer"); !errors.Is(err, auth.ErrExists) {
		t.Fatalf("adding an existing user: %v", err)
	}
	out = mustUser("", "list")
	rows := regexp.MustCompile(`(?m)^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+\d{4}-\d\d-\d\d \d\d:\d\d$`).FindAllStringSubmatch(out, -1)
	if len(rows) != 2 || rows[0][1] != "alice" || rows[0][2] != "admin" || rows[0][3] != "zh-CN" || rows[0][4] != "no" ||
		rows[1][1] != "王芳" || rows[1][2] != "viewer" || rows[1][4] != "yes" {
		t.Fatalf("list:\n%s", out)
	}

	// The passwords work (and the old one does not).
	var c storeConfig
	fs := newFlagSet("check", "")
	c.register(fs)
	if err := fs.parse([]string{"--data", dir, "--log-level", "error"}); err != nil {
		t.Fatal(err)
	}
	s, err := openStore(ctx, &c, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	st := &auth.Store{Conn: s.conn}
	if _, err := st.Verify(ctx, "alice", alicePW); !errors.Is(err, auth.ErrBadCredentials) {
		t.Fatalf("old password: %v", err)
	}
	if u, err := st.Verify(ctx, "alice", "new-river-password"); err != nil || u.Role != auth.Admin {
		t.Fatalf("new password: %+v %v", u, err)
	}
}

// TestUserCommandUsage: mistakes in the call exit 2 before any engine starts.
func TestUserCommandUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"user"},
		{"user", "frob"},
		{"user", "add", "bob"},
		{"user", "add", "bob", "--role", "root"},
		{"user", "add", "b", "--role", "viewer"},
		{"user", "add", "bob", "carol", "--role", "viewer"},
		{"user", "list", "bob"},
		{"user", "del", "bob", "--role", "admin"},
		{"user", "list", "--password-stdin"},
		{"user", "add", "bob", "--role", "viewer", "--no-such-option"},
	} {
		if code := run(context.Background(), append(args, "--data", dir)); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	// A too-short password on stdin is a usage error too.
	fs := newFlagSet("user", "")
	do := userCommand(fs, strings.NewReader("short\n"), &bytes.Buffer{})
	if err := fs.parse([]string{"passwd", "bob", "--password-stdin", "--data", dir}); err != nil {
		t.Fatal(err)
	}
	var u usageError
	if err := do(context.Background()); !errors.As(err, &u) || !strings.Contains(err.Error(), "password") {
		t.Fatalf("short password: %v", err)
	}
}
