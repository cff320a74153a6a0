package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestQueryFormats runs 'corridor query' in each format against the
// embedded engine; options stand before or after the SQL.
func TestQueryFormats(t *testing.T) {
	dir := newDatabase(t)
	query := func(args ...string) (string, string, error) {
		t.Helper()
		fs := newFlagSet("query", "")
		var out, errOut bytes.Buffer
		do := queryCommand(fs, &out, &errOut)
		if err := fs.parse(append(args, "--data", dir, "--log-level", "error")); err != nil {
			t.Fatal(err)
		}
		err := do(context.Background())
		return out.String(), errOut.String(), err
	}
	const q = "SELECT '=HYPERLINK(\"x\")' AS f, -5 AS n, NULL AS z, '济南' AS c"
	if out, _, err := query(q, "--format", "csv"); err != nil || out != "\ufefff,n,z,c\n\"'=HYPERLINK(\"\"x\"\")\",-5,,济南\n" {
		t.Fatalf("csv after the SQL: %q %v", out, err)
	}
	if out, _, err := query("--format", "table", q); err != nil || !strings.Contains(out, "NULL") || !strings.HasSuffix(out, "(1 row)\n") {
		t.Fatalf("table: %q %v", out, err)
	}
	out, _, err := query("--format", "json", "SELECT number FROM numbers(5)", "--max-rows", "3")
	var res struct {
		Rows      [][]any
		Truncated bool
		RowCount  int `json:"row_count"`
	}
	if err != nil || json.Unmarshal([]byte(out), &res) != nil || res.RowCount != 3 || !res.Truncated {
		t.Fatalf("json: %q %v", out, err)
	}
	if out, _, err := query("--format", "xlsx", "SELECT 1"); err != nil || !strings.HasPrefix(out, "PK") {
		t.Fatalf("xlsx: %.20q %v", out, err)
	}
	if out, _, err := query("SET max_threads = 1"); err != nil || out != "ok\n" {
		t.Fatalf("no result: %q %v", out, err)
	}
	if _, _, err := query("INSERT INTO sources (source_id) VALUES ('x')"); err == nil || !strings.Contains(err.Error(), "只能执行查询") {
		t.Fatalf("insert: %v", err)
	}
}
