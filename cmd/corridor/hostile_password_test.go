package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileUserCommandWeakPasswords: 'corridor user add/passwd
// --password-stdin' refuses the name and the most common passwords as a
// usage error, before any engine starts (the data folder stays empty).
func TestHostileUserCommandWeakPasswords(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ stdin, action, name string }{
		{"bob-the-builder\n", "passwd", "bob"},
		{"1234567890\n", "passwd", "bob"},
		{"Qwertyuiop\n", "add", "carol"},
		{"CAROL.2024.spring\n", "add", "carol"},
	} {
		fs := newFlagSet("user", "")
		do := userCommand(fs, strings.NewReader(c.stdin), &bytes.Buffer{})
		args := []string{c.action, c.name, "--password-stdin", "--data", dir}
		if c.action == "add" {
			args = append(args, "--role", "viewer")
		}
		if err := fs.parse(args); err != nil {
			t.Fatal(err)
		}
		var u usageError
		if err := do(context.Background()); !errors.As(err, &u) || !strings.Contains(err.Error(), "password") || !strings.Contains(err.Error(), "choose another") {
			t.Errorf("%s %s with %q: %v, want a usage error saying to choose another password", c.action, c.name, strings.TrimSpace(c.stdin), err)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "engine")); len(entries) > 0 {
		t.Fatalf("an engine was started for a refused password: %v", entries)
	}
}
