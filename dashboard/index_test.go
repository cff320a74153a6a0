package dashboard_test

import (
	"context"
	"encoding/json"
	"io"
	"net/url"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/ingest/demo"
	"github.com/zibo-kj/corridor/sql/chtest"
)

// newDemoServer is newServer on the demo data set.
func newDemoServer(t *testing.T) *testServer {
	t.Helper()
	d := h.DB(t)
	if _, err := demo.Load(context.Background(), d.Conn, t.TempDir(), "test"); err != nil {
		t.Fatal(err)
	}
	s, err := dashboard.New(dashboard.Deps{Conn: d.Conn, Reader: chtest.Open(t, d.Web), Database: d.Name, Engine: "embedded", Restarts: h.Engine.Restarts})
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s, db: d}
	addUser(t, d, "boss", auth.Admin)
	ts.login(t, "boss")
	return ts
}

type indexAnswer struct {
	Result struct {
		Base     string     `json:"base"`
		Periods  []string   `json:"periods"`
		Headline []float64  `json:"headline"`
		Coverage []float64  `json:"coverage"`
		Unrep    [][]string `json:"unreported"`
	} `json:"result"`
	Error string `json:"error"`
}

func indexAPI(t *testing.T, ts *testServer, query string) (int, indexAnswer) {
	t.Helper()
	code, body := get(t, ts, "/api/v1/index?"+query)
	var a indexAnswer
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatalf("%s: %v: %s", query, err, body)
	}
	return code, a
}

// TestIndexAPIAndPage: the API gives a year the same value under any
// period filter with the fixed base, says why a district without base-year
// data has no index (422 from the API, a notice on the page), exports the
// coverage, and the page shows the by-year table and the method note as
// prose under the one name 融合指数.
func TestIndexAPIAndPage(t *testing.T) {
	ts := newDemoServer(t)
	_, full := indexAPI(t, ts, "")
	code, late := indexAPI(t, ts, "from=2023")
	n, m := len(full.Result.Periods), len(late.Result.Periods)
	if code != 200 || late.Result.Base != "2018" || late.Result.Periods[0] != "2023" || late.Result.Headline[m-1] != full.Result.Headline[n-1] {
		t.Errorf("from=2023: %d base %s periods %v 2025 %v, unfiltered 2025 %v", code, late.Result.Base, late.Result.Periods, late.Result.Headline, full.Result.Headline[n-1])
	}
	code, none := indexAPI(t, ts, "district="+url.QueryEscape("高青县"))
	if code != 422 || !strings.Contains(none.Error, "基期 2018年有数据的指标只占权重的 8%") || !strings.Contains(none.Error, "不改用其他基期") {
		t.Errorf("高青县: %d %q, want 422 saying the base year lacks data", code, none.Error)
	}
	resp := ts.do(t, "GET", "/index?district="+url.QueryEscape("高青县"), nil)
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(body), `class="notice">当前筛选条件下，基期 2018年有数据的指标只占权重`) {
		t.Errorf("index page for 高青县: %d, no notice about the base year", resp.StatusCode)
	}
	code, csv := get(t, ts, "/api/v1/index?format=csv")
	lines := strings.SplitN(string(csv), "\n", 3) // the demo's sample note, then the header
	if code != 200 || len(lines) < 2 || !strings.Contains(lines[0], "示例数据") || !strings.Contains(lines[1], "覆盖率,未报送（按缺失处理）,沿用上年数值") {
		t.Errorf("index CSV %d: first lines %q", code, lines[:min(2, len(lines))])
	}
	resp = ts.do(t, "GET", "/index", nil)
	body, _ = io.ReadAll(resp.Body)
	page := string(body)
	for _, want := range []string{"融合指数逐年数值与数据覆盖", "<td>2025年</td>", "覆盖率", "<h3>四、指标筛选与相关性</h3>", "<td>1 新增共建平台数</td>", "相关系数 r = 1.00"} {
		if !strings.Contains(page, want) {
			t.Errorf("index page lacks %q", want)
		}
	}
	for _, bad := range []string{"协同指数", "走廊融合指数", "##", "funding_total (", "NaN"} {
		if strings.Contains(page, bad) {
			t.Errorf("index page shows %q", bad)
		}
	}
}
