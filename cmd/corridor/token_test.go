package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestParseLifetime(t *testing.T) {
	for in, want := range map[string]time.Duration{"90d": 90 * 24 * time.Hour, "12h": 12 * time.Hour, "366d": 366 * 24 * time.Hour} {
		if got, err := parseLifetime(in); err != nil || got != want {
			t.Errorf("%s: %v %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "0d", "-1h", "367d", "abc", "9x"} {
		if _, err := parseLifetime(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestTokenCommand adds, lists and revokes a token through 'corridor token'
// in a temporary data folder.
func TestTokenCommand(t *testing.T) {
	dir := newDatabase(t)
	ctx := context.Background()
	run := func(cmd string, args ...string) string {
		t.Helper()
		fs := newFlagSet(cmd, "")
		var out bytes.Buffer
		var do func(context.Context) error
		if cmd == "user" {
			do = userCommand(fs, strings.NewReader(""), &out)
		} else {
			do = tokenCommand(fs, &out)
		}
		if err := fs.parse(append(args, "--data", dir, "--log-level", "error")); err != nil {
			t.Fatal(err)
		}
		if err := do(ctx); err != nil {
			t.Fatalf("%s %v: %v", cmd, args, err)
		}
		return out.String()
	}
	run("user", "add", "alice", "--role", "analyst")
	out := run("token", "add", "alice", "--expires", "30d", "--name", "R script")
	m := regexp.MustCompile(`(?m)^token (\S+) for alice, expires .*\n(crd_\S+)$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("add printed no token:\n%s", out)
	}
	list := run("token", "list")
	if !strings.Contains(list, m[1]) || !strings.Contains(list, "R script") || !strings.Contains(list, "active") || strings.Contains(list, m[2]) {
		t.Fatalf("list:\n%s", list)
	}
	run("token", "revoke", m[1])
	if list := run("token", "list", "alice"); !strings.Contains(list, "revoked") {
		t.Fatalf("after revoke:\n%s", list)
	}
}
