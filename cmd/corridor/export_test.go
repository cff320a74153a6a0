package main

import (
	"context"
	"testing"
)

// An unknown page or format is a usage error (exit 2) before any engine
// starts; a bad filter value is one too (docs/staff.md runs that example
// against a database).
func TestExportRefusesUnknownPageAndFormat(t *testing.T) {
	for _, args := range [][]string{
		{"export", "--page", "nope", "--data", t.TempDir()},
		{"export", "--page", "overview,", "--format", "pdf", "--data", t.TempDir()},
		{"export", "--page", "", "--data", t.TempDir()},
		{"export", "--page", "overview", "--lang", "fr", "--data", t.TempDir()},
	} {
		if code := run(context.Background(), args); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}
