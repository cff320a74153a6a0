package dashboard_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	chsql "github.com/zibo-kj/corridor/sql"
)

func TestAPIGolden(t *testing.T) {
	s := newServer(t, map[string]string{"p.csv": fxPlatforms})
	for name, u := range map[string]string{
		"series_platforms":   "/api/v1/series?metric=platforms_new,platforms_cum&from=2019&to=2021",
		"breakdown_partner":  "/api/v1/breakdown?metric=platforms_cum&by=partner&to=2021",
		"network_platforms":  "/api/v1/network",
		"series_zichuan_qtr": "/api/v1/series?metric=platforms_new&grain=quarter&from=2019Q1&to=2019Q4&district=" + url.QueryEscape("淄川区"),
	} {
		code, body := get(t, s, u)
		if code != 200 {
			t.Fatalf("%s: %d %s", u, code, body)
		}
		golden(t, name, body)
	}
}

func TestAPIBadParametersAre400WithTheParameter(t *testing.T) {
	s := newServer(t, nil)
	cases := map[string]string{
		"/api/v1/series?metric=nope":                                             "metric",
		"/api/v1/series":                                                         "metric",
		"/api/v1/series?metric=platforms_new&distrcit=x":                         "distrcit",
		"/api/v1/series?metric=platforms_new&grain=week":                         "grain",
		"/api/v1/series?metric=platforms_new&district=" + url.QueryEscape("淄州区"): "district",
		"/api/v1/breakdown?metric=platforms_new&by=colour":                       "by",
		"/api/v1/breakdown?metric=platforms_new&top=-1":                          "top",
		"/api/v1/index?draws=999999":                                             "draws",
	}
	for u, param := range cases {
		code, body := get(t, s, u)
		var e struct{ Error, Param string }
		_ = json.Unmarshal(body, &e)
		if code != 400 || e.Param != param || !strings.Contains(e.Error, param) {
			t.Errorf("%s: %d %s, want 400 naming %s", u, code, body, param)
		}
	}
	code, body := get(t, s, "/api/v1/series?metric=nope")
	if code != 400 || !strings.Contains(string(body), "platforms_cum") {
		t.Errorf("unknown metric must list the known ones: %s", body)
	}
}

func TestHealthz(t *testing.T) {
	s := newServer(t, nil)
	code, body := get(t, s, "/healthz")
	all, _ := chsql.Migrations()
	if code != 200 || !strings.Contains(string(body), `"status":"ok"`) || !strings.Contains(string(body), fmt.Sprintf(`"schema_version":%d`, all[len(all)-1].ID)) {
		t.Fatalf("healthz %d %s", code, body)
	}
}
