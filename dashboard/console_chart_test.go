package dashboard_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

// chartAnswer is POST /api/v1/query/chart's JSON.
type chartAnswer struct {
	Title  string `json:"title"`
	Option struct {
		Color  []string               `json:"color"`
		XAxis  []struct{ Data []any } `json:"xAxis"`
		Series []struct {
			Type string `json:"type"`
			Name string `json:"name"`
			Data []any  `json:"data"`
		} `json:"series"`
	} `json:"option"`
	Truncated bool   `json:"truncated"`
	Error     string `json:"error"`
}

// postChart posts a chart request with the session's CSRF token.
func postChart(t *testing.T, ts *testServer, body any) (int, chartAnswer, []byte) {
	t.Helper()
	b, _ := json.Marshal(body)
	req := httptest.NewRequest("POST", "/api/v1/query/chart", strings.NewReader(string(b)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(auth.CSRFHeader, ts.csrf)
	for _, c := range ts.cookies {
		req.AddCookie(c)
	}
	resp, err := ts.App().Test(req, 60_000)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var a chartAnswer
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(raw, &a); err != nil {
			t.Fatalf("not JSON: %v: %s", err, raw)
		}
	}
	return resp.StatusCode, a, raw
}

// TestConsoleChartsAResult: "chart this" re-runs the query and answers a
// go-echarts option of the chosen columns: categories, one series per value
// column (NULL a gap, decimals as numbers), the product's palette; a pie
// draws the first value column; long results are cut; wrong columns,
// types and roles are refused.
func TestConsoleChartsAResult(t *testing.T) {
	ts := newConsoleServer(t)
	const q = "SELECT toString(number) AS k, number * 2 AS y, toDecimal64(number, 2) / 4 AS d, if(number = 1, NULL, number) AS n FROM numbers(4)"
	code, a, raw := postChart(t, ts, map[string]any{"sql": q, "chart": map[string]any{"type": "bar", "x": "k", "y": []string{"y", "d", "n"}}})
	if code != 200 || len(a.Option.Series) != 3 || len(a.Option.XAxis) != 1 || len(a.Option.Color) < 3 {
		t.Fatalf("bar: %d %.500s", code, raw)
	}
	if got := fmt.Sprint(a.Option.XAxis[0].Data); got != "[0 1 2 3]" {
		t.Errorf("categories %s", got)
	}
	var got []string
	for _, s := range a.Option.Series {
		var vals []string
		for _, d := range s.Data {
			vals = append(vals, fmt.Sprint(d.(map[string]any)["value"]))
		}
		got = append(got, s.Type+" "+s.Name+" "+strings.Join(vals, ","))
	}
	if strings.Join(got, "|") != "bar y 0,2,4,6|bar d 0,0.25,0.5,0.75|bar n 0,-,2,3" {
		t.Errorf("series %q", got)
	}

	code, a, raw = postChart(t, ts, map[string]any{"sql": q, "chart": map[string]any{"type": "pie", "x": "k", "y": []string{"y"}}})
	if code != 200 || len(a.Option.Series) != 1 || a.Option.Series[0].Type != "pie" || len(a.Option.Series[0].Data) != 4 {
		t.Fatalf("pie: %d %.500s", code, raw)
	}

	code, a, raw = postChart(t, ts, map[string]any{"sql": "SELECT number AS x, number AS y FROM numbers(5000)", "chart": map[string]any{"type": "line", "x": "x", "y": []string{"y"}}})
	if code != 200 || !a.Truncated || len(a.Option.Series) != 1 || len(a.Option.Series[0].Data) != 1000 {
		t.Fatalf("long result: %d truncated %v: %.300s", code, a.Truncated, raw)
	}

	for name, body := range map[string]map[string]any{
		"unknown column": {"sql": q, "chart": map[string]any{"type": "bar", "x": "k", "y": []string{"nope"}}},
		"unknown type":   {"sql": q, "chart": map[string]any{"type": "radar", "x": "k", "y": []string{"y"}}},
		"no values":      {"sql": q, "chart": map[string]any{"type": "bar", "x": "k"}},
	} {
		if code, _, raw := postChart(t, ts, body); code != 400 {
			t.Errorf("%s: %d %.300s", name, code, raw)
		}
	}
	if code, _, raw := postChart(t, ts, map[string]any{"sql": "DROP TABLE platforms", "chart": map[string]any{"type": "bar", "x": "k", "y": []string{"y"}}}); code != 403 {
		t.Errorf("a write through the chart: %d %.300s", code, raw)
	}
	ts.login(t, "leader")
	if code, _, raw := postChart(t, ts, map[string]any{"sql": q, "chart": map[string]any{"type": "bar", "x": "k", "y": []string{"y"}}}); code != 403 {
		t.Errorf("a viewer's chart: %d %.300s", code, raw)
	}
}
