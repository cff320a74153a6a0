package dashboard_test

import (
	"io"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

var pagePaths = []string{"/", "/platforms", "/projects", "/network", "/carriers", "/map", "/index", "/data", "/console", "/tokens",
	"/drill?metric=platforms_cum&by=district&value=370302", "/login"}

// TestEveryPageRenders executes every template once with real data.
func TestEveryPageRenders(t *testing.T) {
	ts := newServer(t, map[string]string{"p.csv": fxPlatforms})
	for _, p := range pagePaths {
		resp := ts.do(t, "GET", p, nil)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d %s", p, resp.StatusCode, body)
			continue
		}
		if !strings.Contains(string(body), "</html>") {
			t.Errorf("%s: incomplete page", p)
		}
		if strings.Contains(string(body), "http://") || strings.Contains(string(body), "https://") {
			t.Errorf("%s: page references an external URL", p)
		}
	}
	resp := ts.do(t, "GET", "/?lang=en", nil)
	body, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(body), "Joint platforms") || !strings.Contains(string(body), `lang="en"`) {
		t.Errorf("English overview missing English labels")
	}
}

// TestXSSShowsAsText loads a platform named like a script through ingest and
// checks every page shows it escaped.
func TestXSSShowsAsText(t *testing.T) {
	evil := "<img src=x onerror=alert(1)>"
	csv := "平台名称,合作单位,依托单位,区县,共建时间,平台类型\n\"" + evil + "\",\"" + evil + "\",\"" + evil + "\",淄川区,2020-01-01,\"" + evil + "\"\n"
	ts := newServer(t, map[string]string{"evil.csv": csv})
	for _, p := range append(pagePaths, "/drill?metric=platforms_cum", "/api/v1/breakdown?metric=platforms_cum&by=partner") {
		resp := ts.do(t, "GET", p, nil)
		body, _ := io.ReadAll(resp.Body)
		if strings.Contains(string(body), evil) {
			t.Errorf("%s: raw %q in the page", p, evil)
		}
	}
	resp := ts.do(t, "GET", "/drill?metric=platforms_cum", nil)
	body, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(body), "&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("drill-down does not show the name as text")
	}
}

// TestAuthorizationMatrix checks each role against each route.
func TestAuthorizationMatrix(t *testing.T) {
	type want struct{ anon, viewer, analyst, admin int }
	routes := map[string]want{
		"GET /":      {302, 200, 200, 200},
		"GET /index": {302, 200, 200, 200},
		"GET /api/v1/series?metric=platforms_new":    {401, 200, 200, 200},
		"GET /drill?metric=platforms_cum":            {302, 200, 200, 200},
		"GET /drill?metric=platforms_cum&format=csv": {302, 403, 200, 200},
		"GET /data":           {302, 403, 200, 200},
		"GET /console":        {302, 403, 200, 200},
		"POST /api/v1/query":  {403, 403, 503, 503}, // anonymous: no CSRF token; this server has no console pool
		"POST /data/withdraw": {403, 403, 403, 400},
		"POST /data/review":   {403, 403, 403, 400},
		"GET /healthz":        {200, 200, 200, 200},
	}
	s, d := newAnonServer(t, nil, false)
	clients := map[string]*testServer{"anon": {Server: s, db: d}}
	for name, role := range map[string]auth.Role{"viewer": auth.Viewer, "analyst": auth.Analyst, "admin": auth.Admin} {
		addUser(t, d, name, role)
		c := &testServer{Server: s, db: d}
		c.login(t, name)
		clients[name] = c
	}
	for route, w := range routes {
		method, path, _ := strings.Cut(route, " ")
		for who, code := range map[string]int{"anon": w.anon, "viewer": w.viewer, "analyst": w.analyst, "admin": w.admin} {
			c := clients[who]
			var body io.Reader
			if method == "POST" {
				body = strings.NewReader("csrf=" + c.csrf)
			}
			resp := c.do(t, method, path, body)
			if resp.StatusCode != code {
				t.Errorf("%s as %s: %d, want %d", route, who, resp.StatusCode, code)
			}
		}
	}
}

// The navigation keeps the page's filter: ?grain=quarter&district=… reach
// the next page as parameters (they were escaped to grain%3dquarter, which
// the next page refused as an unknown parameter).
func TestNavigationKeepsTheFilter(t *testing.T) {
	ts := newServer(t, map[string]string{"p.csv": fxPlatforms})
	resp := ts.do(t, "GET", "/platforms?grain=quarter&district=370302", nil)
	b, _ := io.ReadAll(resp.Body)
	for _, want := range []string{`href="/projects?district=370302&amp;grain=quarter"`, `href="/?district=370302&amp;grain=quarter"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if resp = ts.do(t, "GET", "/projects?district=370302&grain=quarter", nil); resp.StatusCode != 200 {
		t.Errorf("following the link: %d", resp.StatusCode)
	}
}
