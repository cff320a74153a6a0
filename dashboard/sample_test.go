package dashboard_test

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

const fxSamplePlatforms = `平台名称,级别,合作单位,依托单位,区县,共建时间
示例甲,市级,山东大学,丙公司,淄川区,2019-03-10
示例乙,省级,济南大学,丁公司,张店区,2020-11-02
`

// loadSample loads a file into the server's database as sample data.
func loadSample(t *testing.T, ts *testServer, name, content string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Load(context.Background(), ts.db.Conn, ingest.Options{Path: p, Sample: true}); err != nil {
		t.Fatal(err)
	}
}

func page(t *testing.T, ts *testServer, target string) string {
	t.Helper()
	resp := ts.do(t, "GET", target, nil)
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", target, resp.StatusCode, b)
	}
	return string(b)
}

// lastCumulative is the last platforms_cum value the series API answers.
func lastCumulative(t *testing.T, ts *testServer, query string) float64 {
	t.Helper()
	code, body := get(t, ts, "/api/v1/series?metric=platforms_cum"+query)
	if code != 200 {
		t.Fatalf("series: %d %s", code, body)
	}
	var r struct {
		Series []struct{ Points []struct{ Value float64 } }
	}
	if err := json.Unmarshal(body, &r); err != nil || len(r.Series) != 1 || len(r.Series[0].Points) == 0 {
		t.Fatalf("series: %v %s", err, body)
	}
	pts := r.Series[0].Points
	return pts[len(pts)-1].Value
}

// With real data loaded, pages and the API show real data only; the
// switch (?sample=include) brings sample data back, and only then do the
// banner, the badges and the chart titles say 示例数据.
func TestSampleDataHiddenBesideRealData(t *testing.T) {
	ts := newServer(t, map[string]string{"p.csv": fxPlatforms})
	loadSample(t, ts, "demo.csv", fxSamplePlatforms)

	if got := lastCumulative(t, ts, ""); got != 3 {
		t.Errorf("API: %v platforms, want the 3 real ones", got)
	}
	if got := lastCumulative(t, ts, "&sample=include"); got != 5 {
		t.Errorf("API with sample=include: %v platforms, want 5", got)
	}
	code, body := get(t, ts, "/api/v1/series?metric=platforms_cum&sample=yes")
	if code != 400 || !strings.Contains(string(body), `"param":"sample"`) {
		t.Errorf("sample=yes: %d %s, want 400 naming sample", code, body)
	}

	html := page(t, ts, "/platforms")
	for _, bad := range []string{`class="sample-banner"`, `class="badge"`, `&#34;text&#34;:&#34;示例数据&#34;`, " checked>"} {
		if strings.Contains(html, bad) {
			t.Errorf("real-data page shows %s", bad)
		}
	}
	if !strings.Contains(html, `id="sample-switch" name="sample" value="include">`) {
		t.Error("no sample switch on a page with real and sample loads")
	}
	html = page(t, ts, "/platforms?sample=include&grain=quarter")
	for _, want := range []string{`class="sample-banner"`, `class="badge"`, `id="sample-switch" name="sample" value="include" checked>`,
		`&#34;title&#34;:{&#34;left&#34;:4,&#34;text&#34;:&#34;示例数据&#34;`, `href="/network?grain=quarter&amp;sample=include"`} {
		if !strings.Contains(html, want) {
			t.Errorf("page with sample data lacks %s", want)
		}
	}
	if html = page(t, ts, "/"); strings.Contains(html, `class="sample-banner"`) {
		t.Error("overview shows the sample banner beside real data")
	}
	if html = page(t, ts, "/?sample=include"); !strings.Contains(html, `class="sample-banner"`) {
		t.Error("overview with sample=include lacks the banner")
	}
}

// While only sample loads exist they are shown, marked, with no switch.
func TestSampleOnlyShownAndMarked(t *testing.T) {
	ts := newServer(t, nil)
	loadSample(t, ts, "demo.csv", fxSamplePlatforms)
	if got := lastCumulative(t, ts, ""); got != 2 {
		t.Errorf("API: %v platforms, want the 2 sample ones", got)
	}
	html := page(t, ts, "/platforms")
	if !strings.Contains(html, `class="sample-banner"`) || strings.Contains(html, `id="sample-switch"`) {
		t.Error("sample-only page: want the banner and no switch")
	}
}
