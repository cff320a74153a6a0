package dashboard_test

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHostileKioskOnlyItsPages: with --kiosk an anonymous visitor sees the
// seven viewer pages, without export or drill-down links, and nothing else:
// not the JSON API, no export of any route (?format=), not /drill or /data.
// A signed-in viewer on the same server keeps the API and exports.
func TestHostileKioskOnlyItsPages(t *testing.T) {
	s, d := newAnonServer(t, map[string]string{"p.csv": fxPlatforms}, true)
	kiosk := &testServer{Server: s, db: d}
	for _, p := range []string{"/", "/platforms", "/projects", "/network", "/carriers", "/map", "/index", "/wall", "/wall?scene=2"} {
		resp := kiosk.do(t, "GET", p, nil)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Errorf("kiosk %s: %d", p, resp.StatusCode)
		}
		if strings.Contains(string(body), "format=csv") || strings.Contains(string(body), "/drill?") {
			t.Errorf("kiosk %s shows export or drill-down links", p)
		}
	}
	refused := []string{
		"/api/v1/metrics", "/api/v1/series?metric=platforms_cum", "/api/v1/series?metric=platforms_cum&format=csv",
		"/api/v1/breakdown?metric=platforms_cum&by=district&format=xlsx", "/api/v1/overview", "/api/v1/index?format=csv",
		"/?format=csv", "/platforms?format=xlsx", "/index?format=svg", "/map?format=",
		"/drill?metric=platforms_cum", "/drill?metric=platforms_cum&format=csv", "/data",
		"/wall?format=csv", "/wall/version?format=json", "/api/v1/flows", "/api/v1/corridor", "/api/v1/corridor?format=csv",
	}
	for _, p := range refused {
		req := httptest.NewRequest("GET", p, nil)
		req.Header.Set("Accept", "application/json")
		resp, err := kiosk.App().Test(req, 60_000)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 401 || strings.Contains(string(body), "platforms_cum") {
			t.Errorf("kiosk %s: %d %.200s, want 401 and no data", p, resp.StatusCode, body)
		}
	}
	addUser(t, d, "leader", "viewer")
	viewer := &testServer{Server: s, db: d}
	viewer.login(t, "leader")
	for _, p := range []string{"/api/v1/series?metric=platforms_cum", "/api/v1/series?metric=platforms_cum&format=csv"} {
		if code, body := get(t, viewer, p); code != 200 {
			t.Errorf("viewer %s: %d %s", p, code, body)
		}
	}
	if resp := kiosk.do(t, "GET", "/healthz", nil); resp.StatusCode != 200 {
		t.Fatalf("healthz after the refusals: %d", resp.StatusCode)
	}
}
