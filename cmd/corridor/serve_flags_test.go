package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeRefusesNegativeVersionAge: a negative --data-version-max-age is
// a usage error before any engine starts.
func TestServeRefusesNegativeVersionAge(t *testing.T) {
	dir := t.TempDir()
	fs := newFlagSet("serve", "")
	do := serveCmd(fs)
	if err := fs.parse([]string{"--data", dir, "--data-version-max-age", "-1s"}); err != nil {
		t.Fatal(err)
	}
	var u usageError
	if err := do(context.Background()); !errors.As(err, &u) || !strings.Contains(err.Error(), "--data-version-max-age") {
		t.Fatalf("serve --data-version-max-age -1s: %v, want a usage error naming the flag", err)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "engine")); len(entries) > 0 {
		t.Fatalf("an engine was started for a refused flag: %v", entries)
	}
}
