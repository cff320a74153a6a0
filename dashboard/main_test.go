package dashboard_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/sql/chtest"
)

var (
	h      *chtest.Harness
	update = flag.Bool("update", false, "rewrite golden files")
)

func TestMain(m *testing.M) { os.Exit(chtest.Run(m, &h)) }

const fxPlatforms = `平台名称,级别,合作单位,依托单位,区县,共建时间
A,市级,山东大学,甲公司,淄川区,2019-03-10
B,省级,山东大学、济南大学,乙公司,张店区,2019-11-02
C,市级,济大,甲公司,淄川区,2021-05-05
`

// newServer loads fixture files into a fresh database and builds a server on it.
func newServer(t *testing.T, files map[string]string) *dashboard.Server {
	t.Helper()
	d := h.DB(t)
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p}); err != nil {
			t.Fatalf("load %s: %v", name, err)
		}
	}
	s, err := dashboard.New(dashboard.Deps{Conn: d.Conn, Database: d.Name, Engine: "embedded"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func get(t *testing.T, s *dashboard.Server, url string) (int, []byte) {
	t.Helper()
	resp, err := s.App().Test(httptest.NewRequest("GET", url, nil), 30_000)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// golden compares JSON with testdata/golden/name.json (indented); -update rewrites it.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(got, &v); err != nil {
		t.Fatalf("%s: not JSON: %v: %s", name, err, got)
	}
	pretty, _ := json.MarshalIndent(v, "", "  ")
	p := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.WriteFile(p, append(pretty, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./dashboard/ -update once)", err)
	}
	if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(pretty)) {
		t.Errorf("%s differs from %s:\n%s", name, p, pretty)
	}
}
