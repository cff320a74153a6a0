package dashboard_test

import (
	"io"
	"net/url"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/ingest"
)

// review posts one decision on the review form and returns status and page.
func (ts *testServer) review(t *testing.T, id, decision string, fields map[string]string) (int, string) {
	t.Helper()
	form := url.Values{"csrf": {ts.csrf}, "candidate": {id}, "decision": {decision}}
	for k, v := range fields {
		form.Set(k, v)
	}
	resp := ts.do(t, "POST", "/data/review", strings.NewReader(form.Encode()))
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// pendingID returns the queue id of the pending figure whose span is span.
func pendingID(t *testing.T, ts *testServer, span string) string {
	t.Helper()
	q, err := ingest.ReviewQueue(t.Context(), ts.db.Conn, 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range q {
		if c.Span == span {
			return c.ID
		}
	}
	t.Fatalf("no pending figure %q in %+v", span, q)
	return ""
}

// TestReviewCorrectsOnDataPage drives the data page's review: each pending
// figure has a correction form; a figure with no period is refused until
// one is given (the page says so and keeps what was typed); an accepted
// correction is stored under the catalog metric picked, with the figure as
// extracted beside it, and shows in analytics; reject stores nothing new.
func TestReviewCorrectsOnDataPage(t *testing.T) {
	ts := newServer(t, nil)
	if code, body := ts.upload(t, "无日期.txt", "全市技术合同成交额达到18亿元。", nil); code != 200 {
		t.Fatalf("upload: %d %s", code, excerpt(body, "review"))
	}
	if code, body := ts.upload(t, "通报.txt", "工作通报\n日期：2023年3月1日\n2022年，全区新增众创空间12家。\n", map[string]string{}); code != 200 {
		t.Fatalf("upload: %d %s", code, excerpt(body, "review"))
	}
	undated, dated := pendingID(t, ts, "18亿元"), pendingID(t, ts, "12家")

	_, page := get(t, ts, "/data")
	rev := section(string(page), "review")
	for _, want := range []string{`name="value"`, `name="period"`, `name="place"`, `name="qualifier"`,
		`<option value="contracts_value">技术合同成交额 (contracts_value)</option>`, "原文未注明时间：须填写时间后才能采纳", " required>",
		`formnovalidate`, "保留提取的名称"} {
		if !strings.Contains(rev, want) {
			t.Errorf("review section lacks %q:\n%s", want, rev)
		}
	}
	if strings.Contains(rev, `value="platforms_new"`) {
		t.Error("the metric list offers a metric counted from another table")
	}
	if _, en := get(t, ts, "/data?lang=en"); !strings.Contains(string(en), "No period stated: give one before accepting") {
		t.Error("the English page lacks the no-period notice")
	}

	// no period: refused, said beside the figure, typed values kept
	code, body := ts.review(t, undated, "accept", map[string]string{"value": "18.5亿", "place": "张店区"})
	if code != 422 || !strings.Contains(body, `id="review-error"`) || !strings.Contains(body, "period") ||
		!strings.Contains(body, `value="18.5亿"`) || !strings.Contains(body, "review-item failed") {
		t.Fatalf("accepting without a period: %d %s", code, excerpt(body, "review"))
	}
	// a value that is no number: refused too
	if code, body := ts.review(t, undated, "accept", map[string]string{"value": "很多", "period": "2022"}); code != 422 || !strings.Contains(body, "很多") {
		t.Fatalf("a bad value: %d %s", code, excerpt(body, "review"))
	}
	if n := countRows(t, ts, "SELECT count() FROM observations_current"); n != 0 {
		t.Fatalf("%d figures accepted by refused decisions", n)
	}

	// corrected and accepted under a catalog metric
	code, _ = ts.review(t, undated, "accept", map[string]string{"value": "18.5亿", "period": "2022", "metric": "contracts_value",
		"place": "张店区", "qualifier": "at_least"})
	if code != 303 {
		t.Fatalf("accept with corrections: %d", code)
	}
	if n := countRows(t, ts, `SELECT count() FROM observations FINAL WHERE status = 'accepted' AND metric = '技术合同成交额' AND value = 1850000000
  AND place_code = '370303' AND grain = 'year' AND period_start = '2022-01-01' AND qualifier = 'at_least'
  AND original LIKE '%"value":1800000000%'`); n != 1 {
		t.Fatalf("corrected figure stored %d times, want 1", n)
	}
	ss, err := analytics.NewService(ts.db.Conn).Series(t.Context(), []string{"contracts_value"}, analytics.Filter{Grain: "year"})
	if err != nil || len(ss) != 1 || ss[0].Total != 1850000000 {
		t.Fatalf("contracts_value after review: %+v %v", ss, err)
	}

	// rejected: never counted
	if code, _ := ts.review(t, dated, "reject", nil); code != 303 {
		t.Fatalf("reject: %d", code)
	}
	if n := countRows(t, ts, "SELECT count() FROM observations FINAL WHERE status = 'rejected'"); n != 1 {
		t.Fatalf("rejected rows %d, want 1", n)
	}
	if _, page := get(t, ts, "/data"); !strings.Contains(section(string(page), "review"), "暂无待审核内容") {
		t.Errorf("queue not empty after both decisions: %s", excerpt(string(page), "review"))
	}
}

func countRows(t *testing.T, ts *testServer, q string) uint64 {
	t.Helper()
	var n uint64
	if err := ts.db.Conn.QueryRow(t.Context(), q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// section returns the page's section with the given id, whole.
func section(body, id string) string {
	i := strings.Index(body, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</section>")
	if j < 0 {
		return body[i:]
	}
	return body[i : i+j]
}
