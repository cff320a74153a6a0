package dashboard_test

import (
	"io"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

// A leader (viewer) who clicks a bar sees the platforms behind it by name
// in the site's own page, with no row export; asking for one, or for the
// data page, gets the styled refusal in Chinese, not auth's bare page.
func TestViewerSeesNamedItemsNotRows(t *testing.T) {
	ts := newServer(t, map[string]string{"p.csv": fxPlatforms})
	addUser(t, ts.db, "leader", auth.Viewer)
	ts.login(t, "leader")
	resp := ts.do(t, "GET", "/drill?metric=platforms_cum&by=district&value=370302", nil)
	b, _ := io.ReadAll(resp.Body)
	page := string(b)
	if resp.StatusCode != 200 {
		t.Fatalf("viewer drill-down: %d %s", resp.StatusCode, page)
	}
	for _, want := range []string{`<nav class="main" id="main-nav">`, "区县：<strong>淄川区</strong>", "<th>名称</th>", "<td>A</td>", "<td>C</td>", "<td>市级</td>", "<td>淄川区</td>", "逐条明细数据的导出需要"} {
		if !strings.Contains(page, want) {
			t.Errorf("viewer drill-down lacks %q", want)
		}
	}
	for _, bad := range []string{"format=csv", "source_id", "370302</td>", ">B<"} {
		if strings.Contains(page, bad) {
			t.Errorf("viewer drill-down shows %q", bad)
		}
	}
	for _, path := range []string{"/drill?metric=platforms_cum&format=xlsx", "/data"} {
		resp = ts.do(t, "GET", path, nil)
		b, _ = io.ReadAll(resp.Body)
		if resp.StatusCode != 403 || !strings.Contains(string(b), `<nav class="main" id="main-nav">`) || !strings.Contains(string(b), "权限不足") && !strings.Contains(string(b), "需要“分析人员”") {
			t.Errorf("%s as viewer: %d, want the styled 403 page: %.300s", path, resp.StatusCode, b)
		}
		if strings.Contains(string(b), "requires role") || strings.Contains(string(b), "analyst 角色") {
			t.Errorf("%s as viewer shows the role's code name: %.300s", path, b)
		}
	}
	// The analyst's table keeps every column and the exports.
	ts.login(t, "boss")
	resp = ts.do(t, "GET", "/drill?metric=platforms_cum&by=district&value=370302", nil)
	b, _ = io.ReadAll(resp.Body)
	if !strings.Contains(string(b), "format=csv") || !strings.Contains(string(b), `title="source_id" data-code>来源导入</th>`) {
		t.Errorf("admin drill-down lost its full table or exports")
	}
}
