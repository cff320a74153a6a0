package dashboard_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

// upload posts a file to /data/upload as the signed-in client.
func (ts *testServer) upload(t *testing.T, name, content string, extra map[string]string) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("csrf", ts.csrf)
	for k, v := range extra {
		_ = w.WriteField(k, v)
	}
	fw, _ := w.CreateFormFile("file", name)
	_, _ = io.WriteString(fw, content)
	_ = w.Close()
	req := httptest.NewRequest("POST", "/data/upload", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Accept", "text/html")
	for _, c := range ts.cookies {
		req.AddCookie(c)
	}
	resp, err := ts.App().Test(req, 60_000)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestUploadLoadsRejectsAndWithdraws drives the bureau staff's web path:
// a good file loads, a bad one is rejected with row-level errors and loads
// nothing, and a load can be withdrawn.
func TestUploadLoadsRejectsAndWithdraws(t *testing.T) {
	ts := newServer(t, nil)
	code, body := ts.upload(t, "平台.csv", fxPlatforms, nil)
	if code != 200 || !strings.Contains(body, "平台.csv：已导入（导入编号 ") || !strings.Contains(body, "共 3 行：导入 3 行，拒绝 0 行") {
		t.Fatalf("good upload: %d %s", code, excerpt(body, "report"))
	}
	bad := strings.Replace(fxPlatforms, "淄川区", "淄州区", 1)
	code, body = ts.upload(t, "平台-错.csv", bad, map[string]string{"kind": "platform"})
	if code != 422 || !strings.Contains(body, "淄州区") || !strings.Contains(body, "淄川区") || !strings.Contains(body, "已拒绝，未导入任何数据") || !strings.Contains(body, "文件有错误，未导入任何数据") {
		t.Fatalf("bad upload: %d %s", code, excerpt(body, "report"))
	}
	if !strings.Contains(body, "<td>不是已知区县，是否为淄川区？</td>") {
		t.Errorf("the row error is not in Chinese: %s", excerpt(body, "report"))
	}
	for _, english := range []string{"accepted", "rejected", "nothing was loaded", "Load a file", ">Withdraw<", "is not a known"} {
		if strings.Contains(body, english) {
			t.Errorf("the Chinese data page says %q", english)
		}
	}
	if !strings.Contains(body, `data-confirm="确定撤回这次导入吗？`) {
		t.Errorf("withdraw asks no confirmation")
	}
	code, body = ts.upload(t, "答复.txt", "2021年3月2日，淄博市政府与山东科技大学签约。我市与驻济高校共建平台30余个。", nil)
	if code != 200 || !strings.Contains(body, "30余个") {
		t.Fatalf("text upload: %d %s", code, excerpt(body, "review"))
	}
	// withdraw the first load
	var n uint64
	if err := ts.db.Conn.QueryRow(t.Context(), "SELECT count() FROM platforms_current").Scan(&n); err != nil || n != 3 {
		t.Fatalf("platforms_current %d %v", n, err)
	}
	var id string
	if err := ts.db.Conn.QueryRow(t.Context(), "SELECT source_id FROM sources FINAL WHERE kind = 'platform' AND status = 'committed'").Scan(&id); err != nil {
		t.Fatal(err)
	}
	resp := ts.do(t, "POST", "/data/withdraw", strings.NewReader("csrf="+ts.csrf+"&source="+id))
	if resp.StatusCode != 303 {
		t.Fatalf("withdraw: %d", resp.StatusCode)
	}
	if err := ts.db.Conn.QueryRow(t.Context(), "SELECT count() FROM platforms_current").Scan(&n); err != nil || n != 0 {
		t.Fatalf("after withdraw: %d rows %v", n, err)
	}
}

func excerpt(body, id string) string {
	if i := strings.Index(body, `id="`+id+`"`); i >= 0 {
		return body[i:min(len(body), i+1500)]
	}
	return body[:min(len(body), 1500)]
}

// The rejects file of an upload with "load good rows" is downloadable from
// the data page after the request (its temporary folder is long gone), by
// analysts, not by viewers.
func TestUploadRejectsFileStaysDownloadable(t *testing.T) {
	ts := newServer(t, nil)
	bad := strings.Replace(fxPlatforms, "淄川区", "淄州区", 1)
	code, body := ts.upload(t, "平台-错.csv", bad, map[string]string{"kind": "platform", "skip_bad_rows": "on"})
	m := regexp.MustCompile(`href="(/data/rejects/[^"]+)" download id="rejects-link"`).FindStringSubmatch(body)
	if code != 200 || m == nil || !strings.Contains(body, "导入 2 行，拒绝 1 行") {
		t.Fatalf("upload with bad rows skipped: %d, rejects link %v: %s", code, m, excerpt(body, "report"))
	}
	link := m[1]
	resp := ts.do(t, "GET", "/data", nil)
	page, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(page), `href="`+link+`"`) {
		t.Errorf("the data page's list of loads has no link to %s", link)
	}
	resp = ts.do(t, "GET", link, nil)
	csv, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "rejects.csv") || !strings.Contains(string(csv), "淄州区") || strings.Contains(string(csv), "乙公司") {
		t.Errorf("GET %s: %d %q %s", link, resp.StatusCode, resp.Header.Get("Content-Disposition"), csv)
	}
	if resp = ts.do(t, "GET", "/data/rejects/no-such-load", nil); resp.StatusCode != 404 {
		t.Errorf("rejects of an unknown load: %d, want 404", resp.StatusCode)
	}
	addUser(t, ts.db, "leader", auth.Viewer)
	ts.login(t, "leader")
	if resp = ts.do(t, "GET", link, nil); resp.StatusCode != 403 {
		t.Errorf("rejects file as a viewer: %d, want 403", resp.StatusCode)
	}
}
