package dashboard_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

// TestHostileKioskWall: in kiosk mode / is the wall (数据大屏) and reads
// nothing but its page and /wall/version; its page links to no API,
// export, drill-down or other page, and refuses what it does not know.
// Without --kiosk the wall needs a login like every page.
func TestHostileKioskWall(t *testing.T) {
	s, d := newAnonServer(t, map[string]string{"p.csv": fxPlatforms}, true)
	kiosk := &testServer{Server: s, db: d}
	resp := kiosk.do(t, "GET", "/", nil)
	body, _ := io.ReadAll(resp.Body)
	page := string(body)
	if resp.StatusCode != 200 || !strings.Contains(page, `class="wall"`) || !strings.Contains(page, "wall.js") {
		t.Fatalf("kiosk /: %d, not the wall:\n%.400s", resp.StatusCode, page)
	}
	for _, bad := range []string{"/api/", "format=", "/drill", "/data", "/console", "/login", "<form", "<a "} {
		if strings.Contains(page, bad) {
			t.Errorf("the wall's page contains %q", bad)
		}
	}
	if !strings.Contains(page, `id="chart-wall-map"`) || strings.Count(page, `class="wall-kpi"`) < 6 {
		t.Errorf("the wall lacks its flow map or its tickers")
	}
	if !strings.Contains(page, `data-next="/wall?scene=1"`) || !strings.Contains(page, `data-rotate="30"`) {
		t.Errorf("the wall does not rotate to its next scene every 30 s")
	}
	resp = kiosk.do(t, "GET", "/wall/version", nil)
	var v struct{ Version string }
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || resp.StatusCode != 200 || v.Version == "" {
		t.Fatalf("kiosk /wall/version: %d %+v %v", resp.StatusCode, v, err)
	}
	// A load changes the version the wall polls for.
	p := filepath.Join(t.TempDir(), "p2.csv")
	if err := os.WriteFile(p, []byte("平台名称,级别,合作单位,依托单位,区县,共建时间\nD,市级,山东大学,丁公司,周村区,2022-01-10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p}); err != nil {
		t.Fatal(err)
	}
	resp = kiosk.do(t, "GET", "/wall/version", nil)
	var v2 struct{ Version string }
	if err := json.NewDecoder(resp.Body).Decode(&v2); err != nil || v2.Version == v.Version {
		t.Errorf("version after a load: %q, before %q (%v)", v2.Version, v.Version, err)
	}
	for target, want := range map[string]int{"/wall?scene=9": 400, "/wall?scene=x": 400, "/wall?bogus=1": 400} {
		req := httptest.NewRequest("GET", target, nil)
		req.Header.Set("Accept", "application/json")
		resp, err := kiosk.App().Test(req, 60_000)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != want {
			t.Errorf("kiosk %s: %d, want %d", target, resp.StatusCode, want)
		}
	}

	s2, d2 := newAnonServer(t, map[string]string{"p.csv": fxPlatforms}, false)
	anon := &testServer{Server: s2, db: d2}
	for _, target := range []string{"/wall", "/wall/version"} {
		req := httptest.NewRequest("GET", target, nil)
		req.Header.Set("Accept", "application/json")
		resp, err := anon.App().Test(req, 60_000)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 401 {
			t.Errorf("anonymous %s without --kiosk: %d, want 401", target, resp.StatusCode)
		}
	}
}
